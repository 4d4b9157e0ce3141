import { Secret, TOTP } from 'otpauth';
import { z } from 'zod';

/** TOTP as every authenticator app understands it: SHA-1, 6 digits, 30 seconds, one step of clock drift allowed. */

const ISSUER = 'sendSMS API Keys';

export const totpCodeSchema = z.string().trim().regex(/^\d{6}$/, 'must be the 6 digits your authenticator app shows');

export function createTotpSecret(): string {
  return new Secret({ size: 20 }).base32;
}

function totpFor(secretBase32: string, email: string): TOTP {
  return new TOTP({ issuer: ISSUER, label: email, algorithm: 'SHA1', digits: 6, period: 30, secret: Secret.fromBase32(secretBase32) });
}

/** The otpauth:// URI a QR code carries. */
export function totpUri(secretBase32: string, email: string): string {
  return totpFor(secretBase32, email).toString();
}

export function verifyTotp(secretBase32: string, code: string): boolean {
  const parsed = totpCodeSchema.safeParse(code);
  if (!parsed.success) return false;
  return totpFor(secretBase32, 'check').validate({ token: parsed.data, window: 1 }) !== null;
}

/** The current code, for tests that sign in the way a phone would. */
export function currentTotpCode(secretBase32: string): string {
  return totpFor(secretBase32, 'check').generate();
}
