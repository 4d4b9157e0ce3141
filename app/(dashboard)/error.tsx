'use client';

import { useTranslations } from 'next-intl';
import { useEffect, useRef } from 'react';

import { Button } from '@/components/ui/button';

/**
 * A page that failed while rendering (a bug, or the database gone for a moment): said plainly inside the frame,
 * with a way to try again; the sidebar and everything typed elsewhere stay. The error itself is logged by the
 * server; its digest is shown so that a report can name it.
 */
export default function DashboardError({ error, reset }: { error: Error & { digest?: string }; reset: () => void }) {
  const t = useTranslations('shell.pageError');
  const heading = useRef<HTMLHeadingElement>(null);
  useEffect(() => heading.current?.focus(), []);
  return (
    <section aria-labelledby="page-error-title" className="grid max-w-xl gap-4" data-testid="page-error">
      <h1 id="page-error-title" ref={heading} tabIndex={-1} className="text-2xl font-semibold tracking-tight">
        {t('title')}
      </h1>
      <p className="text-zinc-700 dark:text-zinc-300">{t('body')}</p>
      {error.digest ? (
        <p className="font-mono text-sm text-zinc-600 dark:text-zinc-400">{t('reference', { digest: error.digest })}</p>
      ) : null}
      <div>
        <Button variant="secondary" onClick={reset}>
          {t('retry')}
        </Button>
      </div>
    </section>
  );
}
