/**
 * What a refused sign-in says. next-auth hands the thrown message to the sign-in page as `error`, so the code is
 * the message and the sentence is looked up here; the page and the server read the same table. Safe for the
 * browser bundle: no server imports.
 */
export const SIGN_IN_ERRORS = {
  'invalid-credentials': 'The email or password is not right.',
  'totp-required': 'Enter the 6-digit code from your authenticator app, or one of your recovery codes.',
  'invalid-code': 'That code is not right. Codes change every 30 seconds; a recovery code works once.',
  'locked-out': 'Too many failed sign-ins for this email or from this address. Wait 15 minutes, then try again.',
  'sso-not-invited': 'Single sign-on worked, but no dashboard user has that email. Ask an admin to invite you.',
  'session-expired': 'Your session has ended. Sign in again to continue.',
} as const;

export type SignInErrorCode = keyof typeof SIGN_IN_ERRORS;

export function signInErrorMessage(code: string | null | undefined): string | null {
  if (!code) return null;
  return code in SIGN_IN_ERRORS ? SIGN_IN_ERRORS[code as SignInErrorCode] : 'Sign-in did not work. Try again.';
}

export class SignInError extends Error {
  constructor(readonly code: SignInErrorCode) {
    // The message is the code on purpose: next-auth passes it to the page, which turns it into words.
    super(code);
    this.name = 'SignInError';
  }
}
