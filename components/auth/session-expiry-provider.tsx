'use client';

import { useEffect, useRef, useState, type ReactNode } from 'react';

import { Dialog, DialogContent } from '@/components/ui/dialog';
import { setReauthenticate } from './api-request';
import { SignInForm } from './sign-in-form';

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
      <Dialog open={open} onOpenChange={(next) => (next ? setOpen(true) : settle(false))}>
        <DialogContent title="Sign in again" description="Your session has ended. Sign in again to continue; what you entered on the page is kept.">
          <SignInForm email={email} initialError="session-expired" onSignedIn={() => settle(true)} />
        </DialogContent>
      </Dialog>
    </>
  );
}
