import 'server-only';
import { Secret, TOTP } from 'otpauth';
import { z } from 'zod';
import { issueText } from '@/lib/validation/issue-text';

/** TOTP as every authenticator app understands it: SHA-1, 6 digits, 30 seconds, one step of clock drift allowed. */

const ISSUER = 'sendSMS API Keys';

export const totpCodeSchema = z
  .string()
  .trim()
  .refine((value) => /^\d{6}$/.test(value), issueText('auth.enterCode'));

export function createTotpSecret(): string {
  return new Secret({ size: 20 }).base32;
}

function totpFor(secretBase32: string, email: string): TOTP {
  return new TOTP({
    issuer: ISSUER,
    label: email,
    algorithm: 'SHA1',
    digits: 6,
    period: 30,
    secret: Secret.fromBase32(secretBase32),
  });
}

/** The otpauth:// URI a QR code carries. */
export function totpUri(secretBase32: string, email: string): string {
  return totpFor(secretBase32, email).toString();
}

const PERIOD_SECONDS = 30;

/**
 * The time step (30-second slot since the epoch) the code belongs to, or null when it is not a current code. The
 * caller accepts a step once (lib/auth/totp-acceptance.ts): the same code again within its window is refused.
 */
export function totpStep(secretBase32: string, code: string, now = Date.now()): number | null {
  const parsed = totpCodeSchema.safeParse(code);
  if (!parsed.success) return null;
  const delta = totpFor(secretBase32, 'check').validate({ token: parsed.data, window: 1, timestamp: now });
  return delta === null ? null : Math.floor(now / 1000 / PERIOD_SECONDS) + delta;
}

export function verifyTotp(secretBase32: string, code: string): boolean {
  return totpStep(secretBase32, code) !== null;
}

/** The current code, for tests that sign in the way a phone would. */
export function currentTotpCode(secretBase32: string): string {
  return totpFor(secretBase32, 'check').generate();
}
