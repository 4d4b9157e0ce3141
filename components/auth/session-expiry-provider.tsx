'use client';

import { useEffect, useRef, useState, type ReactNode } from 'react';
import dynamic from 'next/dynamic';

import { setSessionExpiredHandler } from '@/components/api/api-client';

// Loaded when a session ends, not with every page: the dialog and the sign-in form are rarely needed.
const SignInAgainDialog = dynamic(() => import('./sign-in-again-dialog').then((module) => module.SignInAgainDialog), {
  ssr: false,
});

/**
 * Asks for the password again, in place, when a request of the API client (components/api/api-client.ts) finds the
 * session gone (idle expiry, or signed out in another tab). Nothing navigates, so whatever was typed into a form is
 * still there, and the client sends the waiting requests again once the user has signed in. Mounted by the
 * dashboard's layout, so every dashboard page behaves the same.
 */
export function SessionExpiryProvider({ email, children }: { email: string; children: ReactNode }) {
  const [open, setOpen] = useState(false);
  const waiting = useRef<Array<(signedIn: boolean) => void>>([]);

  useEffect(() => {
    setSessionExpiredHandler(
      () =>
        new Promise<boolean>((resolve) => {
          waiting.current.push(resolve);
          setOpen(true);
        }),
    );
    return () => setSessionExpiredHandler(null);
  }, []);

  const settle = (signedIn: boolean) => {
    for (const resolve of waiting.current.splice(0)) resolve(signedIn);
    setOpen(false);
  };

  return (
    <>
      {children}
      {open ? (
        <SignInAgainDialog email={email} onSignedIn={() => settle(true)} onDismiss={() => settle(false)} />
      ) : null}
    </>
  );
}
