'use client';

import { useTranslations } from 'next-intl';

import { Button } from '@/components/ui/button';
import { signInWithProvider } from './auth-endpoints';
import { SignInForm } from './sign-in-form';

/** The /login page's interactive part: the form, single sign-on when configured, and the way back afterwards. */
export function LoginPanel({
  callbackUrl,
  error,
  ssoName,
}: {
  callbackUrl: string;
  error: string | null;
  ssoName: string | null;
}) {
  const t = useTranslations('auth');
  return (
    <div className="grid gap-4">
      {/* A full navigation, not a client-side one: the server must render the dashboard with the new cookie. */}
      <SignInForm initialError={error} onSignedIn={() => window.location.assign(callbackUrl)} />
      {ssoName ? (
        <Button variant="secondary" className="w-full" onClick={() => void signInWithProvider('oidc', callbackUrl)}>
          {t('login.withProvider', { provider: ssoName })}
        </Button>
      ) : null}
    </div>
  );
}
