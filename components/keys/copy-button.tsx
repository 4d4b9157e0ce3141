'use client';

import { useState } from 'react';
import { useTranslations } from 'next-intl';

import { Button } from '@/components/ui/button';

/**
 * Copies `text` to the clipboard and says so for two seconds; `label` names what is copied for screen readers.
 * `children` is the button's word ("Copy" unless told).
 */
export function CopyButton({ text, label, children }: { text: string; label: string; children?: string }) {
  const t = useTranslations('keys.copyButton');
  const [copied, setCopied] = useState(false);
  return (
    <Button
      variant="ghost"
      size="sm"
      aria-label={copied ? t('copiedLabel', { label }) : label}
      onClick={async () => {
        await navigator.clipboard?.writeText(text).catch(() => undefined);
        setCopied(true);
        setTimeout(() => setCopied(false), 2000);
      }}
    >
      {copied ? t('copied') : (children ?? t('copy'))}
    </Button>
  );
}
