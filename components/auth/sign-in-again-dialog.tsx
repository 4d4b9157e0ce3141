'use client';

import { Dialog, DialogContent } from '@/components/ui/dialog';
import { SignInForm } from './sign-in-form';

/** SessionExpiryProvider's dialog: open while mounted; signing in or dismissing it settles the waiting requests. */
export function SignInAgainDialog({
  email,
  onSignedIn,
  onDismiss,
}: {
  email: string;
  onSignedIn: () => void;
  onDismiss: () => void;
}) {
  return (
    <Dialog open onOpenChange={(open) => (open ? undefined : onDismiss())}>
      <DialogContent
        title="Sign in again"
        description="Your session has ended. Sign in again to continue; what you entered on the page is kept."
      >
        <SignInForm email={email} initialError="session-expired" onSignedIn={onSignedIn} />
      </DialogContent>
    </Dialog>
  );
}
