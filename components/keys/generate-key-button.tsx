'use client';

import { useRef, useState } from 'react';
import dynamic from 'next/dynamic';

import { Button } from '@/components/ui/button';

// The dialog (and the dialog library under it) loads on the first press, not with the list.
const GenerateKeyDialog = dynamic(() => import('./generate-key-dialog').then((module) => module.GenerateKeyDialog), {
  ssr: false,
});

/** "Generate a new API Key": the button on the keys list, and the dialog while it is open. */
export function GenerateKeyButton({ accountId, disabled }: { accountId: string; disabled: boolean }) {
  const [open, setOpen] = useState(false);
  const button = useRef<HTMLButtonElement>(null);
  return (
    <>
      <Button
        ref={button}
        disabled={disabled}
        aria-haspopup="dialog"
        aria-expanded={open}
        onClick={() => setOpen(true)}
      >
        Generate a new API Key
      </Button>
      {open ? (
        <GenerateKeyDialog
          accountId={accountId}
          onClose={() => {
            setOpen(false);
            button.current?.focus();
          }}
        />
      ) : null}
    </>
  );
}
