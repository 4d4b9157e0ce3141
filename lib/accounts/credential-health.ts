import type { CredentialKind } from '@/lib/generated/prisma/enums';

/**
 * sendSMS expires account passwords (without 2FA on the account) every 30 days. A stored password is flagged from
 * day 23, a week ahead; an API key does not expire.
 */

export const PASSWORD_LIFETIME_DAYS = 30;
export const PASSWORD_WARNING_DAY = 23;

export interface CredentialHealth {
  ageDays: number;
  state: 'ok' | 'expiring' | 'expired' | 'no-expiry';
  /** A sentence for the screen; null when there is nothing to say. */
  advice: string | null;
}

export function credentialHealth(kind: CredentialKind, rotatedAt: Date, now = new Date()): CredentialHealth {
  const ageDays = Math.max(0, Math.floor((now.getTime() - rotatedAt.getTime()) / 86_400_000));
  if (kind === 'API_KEY') return { ageDays, state: 'no-expiry', advice: null };
  const recommend = 'Store an account API key instead: it does not expire.';
  if (ageDays >= PASSWORD_LIFETIME_DAYS)
    return {
      ageDays,
      state: 'expired',
      advice: `The password is ${ageDays} days old and has probably expired. ${recommend}`,
    };
  if (ageDays >= PASSWORD_WARNING_DAY) {
    return {
      ageDays,
      state: 'expiring',
      advice: `The password expires in ${PASSWORD_LIFETIME_DAYS - ageDays} days. ${recommend}`,
    };
  }
  return { ageDays, state: 'ok', advice: recommend };
}
