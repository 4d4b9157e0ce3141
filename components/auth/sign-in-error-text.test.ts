import { describe, expect, it } from 'vitest';

import { SIGN_IN_ERRORS, SignInError, signInErrorMessage, type SignInErrorCode } from '@/lib/auth/sign-in-errors';
import { translatorFor } from '@/lib/i18n/translator';
import { signInErrorText } from './sign-in-error-text';

const en = translatorFor('en', 'auth');
const ro = translatorFor('ro', 'auth');

describe('signInErrorText', () => {
  it('says in English exactly what lib/auth/sign-in-errors.ts says, for every code', () => {
    const errors = [
      ...(Object.keys(SIGN_IN_ERRORS) as SignInErrorCode[]),
      new SignInError('locked-out', 12).message,
      new SignInError('locked-out', 1).message,
      'locked-out:soon',
      'CredentialsSignin',
      null,
    ];
    for (const error of errors) expect(signInErrorText(en, error)).toBe(signInErrorMessage(error));
  });

  it('says the lock-out minutes in Romanian with the right plural', () => {
    expect(signInErrorText(ro, 'locked-out:1')).toMatch(/Așteptați 1 minut, apoi/);
    expect(signInErrorText(ro, 'locked-out:12')).toMatch(/Așteptați 12 minute, apoi/);
    expect(signInErrorText(ro, 'locked-out:25')).toMatch(/Așteptați 25 de minute, apoi/);
    expect(signInErrorText(ro, 'locked-out')).toMatch(/Așteptați câteva minute/);
    expect(signInErrorText(ro, 'invalid-credentials')).toBe('Adresa de e-mail sau parola nu este corectă.');
    expect(signInErrorText(ro, 'CredentialsSignin')).toBe('Autentificarea nu a reușit. Încercați din nou.');
  });
});
