import 'server-only';
import crypto from 'node:crypto';

/**
 * Encryption of stored secrets (account credentials, the key secrets the dashboard needs for later calls) with
 * AES-256-GCM. The stored form is `v1.<iv>.<tag>.<ciphertext>` in base64url: versioned so the scheme can change,
 * authenticated so a tampered value fails to decrypt instead of yielding garbage.
 */

const VERSION = 'v1';

export function encryptSecret(plaintext: string, key: Buffer): string {
  assertKey(key);
  const iv = crypto.randomBytes(12);
  const cipher = crypto.createCipheriv('aes-256-gcm', key, iv);
  const ciphertext = Buffer.concat([cipher.update(plaintext, 'utf8'), cipher.final()]);
  return [VERSION, iv, cipher.getAuthTag(), ciphertext]
    .map((part) => (typeof part === 'string' ? part : part.toString('base64url')))
    .join('.');
}

export function decryptSecret(stored: string, key: Buffer): string {
  assertKey(key);
  const [version, iv, tag, ciphertext] = stored.split('.');
  if (version !== VERSION || !iv || !tag || ciphertext === undefined) {
    throw new Error('stored secret is not in a format this dashboard can read');
  }
  const decipher = crypto.createDecipheriv('aes-256-gcm', key, Buffer.from(iv, 'base64url'));
  decipher.setAuthTag(Buffer.from(tag, 'base64url'));
  try {
    return Buffer.concat([decipher.update(Buffer.from(ciphertext, 'base64url')), decipher.final()]).toString('utf8');
  } catch {
    // Never include the value: only say that the key does not match.
    throw new Error('stored secret could not be decrypted: wrong CREDENTIALS_ENCRYPTION_KEY or tampered data');
  }
}

/** SHA-256 of a key's secret: recognises the same key again without keeping it readable. */
export function fingerprintSecret(secret: string): string {
  return crypto.createHash('sha256').update(secret, 'utf8').digest('hex');
}

/** The part of a key's secret the UI may show: its last four characters. */
export function secretFragment(secret: string): string {
  return `…${secret.slice(-4)}`;
}

function assertKey(key: Buffer): void {
  if (key.length !== 32) throw new Error('the credentials encryption key must be 32 bytes');
}
