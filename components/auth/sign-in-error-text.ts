import type { useTranslations } from 'next-intl';

import { signInErrorCode, type SignInErrorCode } from '@/lib/auth/sign-in-errors';

type AuthT = ReturnType<typeof useTranslations<'auth'>>;

/** Each code the server refuses a sign-in with (lib/auth/sign-in-errors.ts), as a key of the `auth` messages. */
const MESSAGE_KEYS = {
  'invalid-credentials': 'signInErrors.invalidCredentials',
  'totp-required': 'signInErrors.totpRequired',
  'invalid-code': 'signInErrors.invalidCode',
  'locked-out': 'signInErrors.lockedOut',
  'sso-not-invited': 'signInErrors.ssoNotInvited',
  'session-expired': 'signInErrors.sessionExpired',
} as const satisfies Record<SignInErrorCode, `signInErrors.${string}`>;

/**
 * The sentence for a refused sign-in, in the reader's language. The server sends a code, with the minutes left for
 * a lock-out (`locked-out:12`); an unknown code (next-auth's own, say) reads as a plain failure. Null: no error.
 */
export function signInErrorText(t: AuthT, error: string | null | undefined): string | null {
  const code = signInErrorCode(error);
  if (!code) return null;
  if (code === 'locked-out') {
    const minutes = Number(error!.split(':', 2)[1]);
    if (Number.isInteger(minutes) && minutes > 0) return t('signInErrors.lockedOutFor', { minutes });
  }
  return code in MESSAGE_KEYS ? t(MESSAGE_KEYS[code as SignInErrorCode]) : t('signInErrors.unknown');
}
