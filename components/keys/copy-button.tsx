'use client';

import { useState } from 'react';

import { Button } from '@/components/ui/button';

/** Copies `text` to the clipboard and says so for two seconds; `label` names what is copied for screen readers. */
export function CopyButton({ text, label, children = 'Copy' }: { text: string; label: string; children?: string }) {
  const [copied, setCopied] = useState(false);
  return (
    <Button
      variant="ghost"
      size="sm"
      aria-label={copied ? `${label}: copied` : label}
      onClick={async () => {
        await navigator.clipboard?.writeText(text).catch(() => undefined);
        setCopied(true);
        setTimeout(() => setCopied(false), 2000);
      }}
    >
      {copied ? 'Copied' : children}
    </Button>
  );
}
