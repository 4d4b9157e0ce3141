import crypto from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { decryptSecret, encryptSecret, fingerprintSecret, secretFragment } from '@/lib/crypto';

const key = crypto.randomBytes(32);

describe('stored secrets', () => {
  it('round-trips, and never stores the value in clear', () => {
    const stored = encryptSecret('acc-password-123', key);
    expect(stored).toMatch(/^v1\./);
    expect(stored).not.toContain('acc-password-123');
    expect(decryptSecret(stored, key)).toBe('acc-password-123');
  });

  it('encrypts the same value differently each time', () => {
    expect(encryptSecret('same', key)).not.toBe(encryptSecret('same', key));
  });

  it('refuses the wrong key and tampered data without revealing anything', () => {
    const stored = encryptSecret('acc-password-123', key);
    expect(() => decryptSecret(stored, crypto.randomBytes(32))).toThrow(/could not be decrypted/);
    const parts = stored.split('.');
    const body = Buffer.from(parts[3]!, 'base64url');
    body[0] = body[0]! ^ 1;
    parts[3] = body.toString('base64url');
    expect(() => decryptSecret(parts.join('.'), key)).toThrow(/could not be decrypted/);
    expect(() => decryptSecret('plain-text', key)).toThrow(/not in a format/);
  });

  it('fingerprints and fragments without exposing the secret', () => {
    expect(fingerprintSecret('abc')).toBe(crypto.createHash('sha256').update('abc').digest('hex'));
    expect(secretFragment('0123456789abcdef')).toBe('…cdef');
  });
});
