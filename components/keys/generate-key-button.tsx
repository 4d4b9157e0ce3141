'use client';

import dynamic from 'next/dynamic';
import { useTranslations } from 'next-intl';

import { Button } from '@/components/ui/button';
import { useOpenedDialog } from '@/components/ui/use-opened-dialog';

// The dialog (and the dialog library under it) loads on the first press, not with the list.
const GenerateKeyDialog = dynamic(() => import('./generate-key-dialog').then((module) => module.GenerateKeyDialog), {
  ssr: false,
});

/**
 * "Generate a new API Key": the button on the keys list, and the dialog while it is open. `disabled` and
 * `aria-describedby` go to the button (see DisabledWithReason).
 */
export function GenerateKeyButton({
  accountId,
  disabled,
  'aria-describedby': describedBy,
}: {
  accountId: string;
  disabled?: boolean;
  'aria-describedby'?: string;
}) {
  const t = useTranslations('keys');
  const { open, trigger, show, close } = useOpenedDialog();
  return (
    <>
      <Button
        ref={trigger}
        disabled={disabled}
        aria-describedby={describedBy}
        aria-haspopup="dialog"
        aria-expanded={open}
        onClick={show}
      >
        {t('generateButton')}
      </Button>
      {open ? <GenerateKeyDialog accountId={accountId} onClose={close} /> : null}
    </>
  );
}
