/**
 * What a refused sign-in says. next-auth hands the thrown message to the sign-in page as `error`, so the message is
 * the code (with, for a lock-out, the minutes left: `locked-out:12`) and the sentence is looked up here; the page
 * and the server read the same table. Safe for the browser bundle: no server imports.
 */
export const SIGN_IN_ERRORS = {
  'invalid-credentials': 'The email or password is not right.',
  'totp-required': 'Enter the 6-digit code from your authenticator app, or one of your recovery codes.',
  'invalid-code': 'That code is not right. Codes change every 30 seconds; a recovery code works once.',
  'locked-out': 'Too many failed sign-ins for this email or from this address. Wait a few minutes, then try again.',
  'sso-not-invited': 'Single sign-on worked, but no dashboard user has that email. Ask an admin to invite you.',
  'session-expired': 'Your session has ended. Sign in again to continue.',
} as const;

export type SignInErrorCode = keyof typeof SIGN_IN_ERRORS;

/** The lock-out sentence with the minutes the server counted (SIGN_IN_WINDOW_MINUTES decides them). */
function lockedOutFor(minutes: number): string {
  return `Too many failed sign-ins for this email or from this address. Wait ${minutes} ${minutes === 1 ? 'minute' : 'minutes'}, then try again.`;
}

export function signInErrorMessage(error: string | null | undefined): string | null {
  if (!error) return null;
  const [code, argument] = error.split(':', 2);
  const minutes = Number(argument);
  if (code === 'locked-out' && Number.isInteger(minutes) && minutes > 0) return lockedOutFor(minutes);
  return code! in SIGN_IN_ERRORS ? SIGN_IN_ERRORS[code as SignInErrorCode] : 'Sign-in did not work. Try again.';
}

/** The code alone, without what follows the colon. */
export function signInErrorCode(error: string | null | undefined): string | null {
  return error ? error.split(':', 1)[0]! : null;
}

export class SignInError extends Error {
  /** `minutes`: for a lock-out, how long until it ends, so the page can say so. */
  constructor(
    readonly code: SignInErrorCode,
    minutes?: number,
  ) {
    // The message is the code on purpose: next-auth passes it to the page, which turns it into words.
    super(minutes === undefined ? code : `${code}:${minutes}`);
    this.name = 'SignInError';
  }
}
