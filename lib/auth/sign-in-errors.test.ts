import { describe, expect, it } from 'vitest';
import { SignInError, signInErrorCode, signInErrorMessage } from '@/lib/auth/sign-in-errors';

describe('the sentence of a refused sign-in', () => {
  it('says how long a lock-out lasts, as the server counted it', () => {
    const error = new SignInError('locked-out', 12);
    expect(error.message).toBe('locked-out:12');
    expect(signInErrorMessage(error.message)).toMatch(/Wait 12 minutes, then try again\.$/);
    expect(signInErrorMessage(new SignInError('locked-out', 1).message)).toMatch(/Wait 1 minute, then/);
    expect(signInErrorCode(error.message)).toBe('locked-out');
  });

  it('reads a code without minutes, and an unknown or malformed one as a plain failure', () => {
    expect(signInErrorMessage('locked-out')).toMatch(/Wait a few minutes/);
    expect(signInErrorMessage('locked-out:soon')).toMatch(/Wait a few minutes/);
    expect(signInErrorMessage('invalid-credentials')).toBe('The email or password is not right.');
    expect(signInErrorMessage('CredentialsSignin')).toBe('Sign-in did not work. Try again.');
    expect(signInErrorMessage(null)).toBeNull();
  });
});
