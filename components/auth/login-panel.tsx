'use client';

import { signInWithProvider } from './auth-endpoints';

import { Button } from '@/components/ui/button';
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
  return (
    <div className="grid gap-4">
      {/* A full navigation, not a client-side one: the server must render the dashboard with the new cookie. */}
      <SignInForm initialError={error} onSignedIn={() => window.location.assign(callbackUrl)} />
      {ssoName ? (
        <Button variant="secondary" className="w-full" onClick={() => void signInWithProvider('oidc', callbackUrl)}>
          Sign in with {ssoName}
        </Button>
      ) : null}
    </div>
  );
}
