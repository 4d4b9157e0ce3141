'use client';

import { useState } from 'react';
import { useMutation } from '@tanstack/react-query';
import { useTranslations } from 'next-intl';

import { FormError } from '@/components/api/form-error';
import { useFormValues } from '@/components/api/use-form-values';
import { Button } from '@/components/ui/button';
import { Form } from '@/components/ui/form';
import { Input } from '@/components/ui/input';
import { signInWithCredentials, type SignInResult } from './auth-endpoints';
import { signInErrorText } from './sign-in-error-text';

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
export function SignInForm({ onSignedIn, email = '', initialError = null }: SignInFormProps) {
  const t = useTranslations('auth');
  const form = useFormValues({ email, password: '', code: '' });
  const [needsCode, setNeedsCode] = useState(false);
  const signIn = useMutation<SignInResult, Error, void>({
    mutationFn: () => signInWithCredentials({ ...form.values, code: needsCode ? form.values.code : '' }),
    onSuccess: (result) => {
      if (result.ok) onSignedIn();
      else if (result.error === 'totp-required') setNeedsCode(true);
      else if (result.error === 'invalid-code') form.set('code', '');
    },
  });

  // Until the first try, the error the page was opened with (an expired session, say); then the last answer's.
  const result = signIn.data;
  const error = signIn.isError
    ? t('signInForm.unreachable')
    : result
      ? result.ok || result.error === 'totp-required'
        ? null
        : signInErrorText(t, result.error ?? 'unknown')
      : signIn.isIdle
        ? signInErrorText(t, initialError)
        : null;

  return (
    <Form onSubmit={() => signIn.mutate()} className="grid gap-4" noValidate>
      <Input label={t('signInForm.email')} type="email" autoComplete="username" required {...form.field('email')} />
      <Input
        label={t('signInForm.password')}
        type="password"
        autoComplete="current-password"
        required
        {...form.field('password')}
      />
      {needsCode ? (
        <Input
          label={t('signInForm.code')}
          autoComplete="one-time-code"
          inputMode="text"
          autoFocus
          description={t('signInForm.codeHint')}
          {...form.field('code')}
        />
      ) : null}
      <FormError error={error} />
      <Button type="submit" className="w-full" disabled={signIn.isPending}>
        {signIn.isPending ? t('signInForm.submitting') : t('signInForm.submit')}
      </Button>
    </Form>
  );
}
