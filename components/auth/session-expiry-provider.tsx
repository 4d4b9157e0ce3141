'use client';

import { useEffect, useRef, useState, type ReactNode } from 'react';
import dynamic from 'next/dynamic';

import { setReauthenticate } from './api-request';

// Loaded when a session ends, not with every page: the dialog and the sign-in form are rarely needed.
const SignInAgainDialog = dynamic(() => import('./sign-in-again-dialog').then((module) => module.SignInAgainDialog), {
  ssr: false,
});

/**
 * Asks for the password again, in place, when a request finds the session gone (idle expiry, or signed out in
 * another tab). Nothing navigates, so whatever was typed into a form is still there when the request is retried.
 */
export function SessionExpiryProvider({ email, children }: { email: string; children: ReactNode }) {
  const [open, setOpen] = useState(false);
  const waiting = useRef<Array<(signedIn: boolean) => void>>([]);

  useEffect(() => {
    setReauthenticate(
      () =>
        new Promise<boolean>((resolve) => {
          waiting.current.push(resolve);
          setOpen(true);
        }),
    );
    return () => setReauthenticate(null);
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
