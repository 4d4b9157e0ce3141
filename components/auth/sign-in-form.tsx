'use client';

import { useState, type FormEvent } from 'react';
import { signInWithCredentials } from './auth-endpoints';

import { Button } from '@/components/ui/button';
import { Input } from '@/components/ui/input';
import { signInErrorMessage } from '@/lib/auth/sign-in-errors';

export interface SignInFormProps {
  /** Called once the session cookie is set. */
  onSignedIn: () => void;
  /** Pre-filled, e.g. when signing in again after the session ended. */
  email?: string;
  initialError?: string | null;
}

/**
 * Email and password through next-auth's credentials endpoint (it fetches the CSRF token first). When the user
 * has 2FA the server answers `totp-required` and the code field appears; the password stays filled in.
 */
export function SignInForm({ onSignedIn, email: initialEmail = '', initialError = null }: SignInFormProps) {
  const [email, setEmail] = useState(initialEmail);
  const [password, setPassword] = useState('');
  const [code, setCode] = useState('');
  const [needsCode, setNeedsCode] = useState(false);
  const [error, setError] = useState<string | null>(signInErrorMessage(initialError));
  const [pending, setPending] = useState(false);

  async function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    setPending(true);
    setError(null);
    try {
      const result = await signInWithCredentials({ email, password, code: needsCode ? code : '' });
      if (result.ok) return onSignedIn();
      if (result.error === 'totp-required') {
        setNeedsCode(true);
        setError(null);
      } else {
        setError(signInErrorMessage(result.error ?? 'unknown'));
        if (result.error === 'invalid-code') setCode('');
      }
    } catch {
      setError('The dashboard could not be reached. Check the connection and try again.');
    } finally {
      setPending(false);
    }
  }

  return (
    <form onSubmit={submit} className="grid gap-4" noValidate>
      <Input
        label="Email"
        name="email"
        type="email"
        autoComplete="username"
        required
        value={email}
        onChange={(event) => setEmail(event.target.value)}
      />
      <Input
        label="Password"
        name="password"
        type="password"
        autoComplete="current-password"
        required
        value={password}
        onChange={(event) => setPassword(event.target.value)}
      />
      {needsCode ? (
        <Input
          label="Authentication code"
          name="code"
          autoComplete="one-time-code"
          inputMode="text"
          autoFocus
          description="The 6 digits from your authenticator app, or a recovery code."
          value={code}
          onChange={(event) => setCode(event.target.value)}
        />
      ) : null}
      {error ? (
        <p
          role="alert"
          className="rounded-lg border border-red-300 bg-red-50 p-3 text-sm text-red-900 dark:border-red-800 dark:bg-red-950 dark:text-red-200"
        >
          {error}
        </p>
      ) : null}
      <Button type="submit" className="w-full" disabled={pending}>
        {pending ? 'Signing in…' : 'Sign in'}
      </Button>
    </form>
  );
}
