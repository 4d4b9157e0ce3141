'use client';

import { useTranslations } from 'next-intl';

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
  const t = useTranslations('auth');
  return (
    <Dialog open onOpenChange={(open) => (open ? undefined : onDismiss())}>
      <DialogContent title={t('signInAgain.title')} description={t('signInAgain.description')}>
        <SignInForm email={email} initialError="session-expired" onSignedIn={onSignedIn} />
      </DialogContent>
    </Dialog>
  );
}
