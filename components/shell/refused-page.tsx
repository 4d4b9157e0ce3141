import Link from 'next/link';
import { useTranslations } from 'next-intl';

import { buttonClasses } from '@/components/ui/button';

/** What a dashboard page says, inside the frame, when it cannot be shown: the status, why, and a way back. */
export function RefusedPage({ status, title, reason }: { status: 403 | 404; title: string; reason: string }) {
  const t = useTranslations('shell.refused');
  return (
    <section aria-labelledby="refused-title" className="grid max-w-xl gap-4" data-testid={`page-${status}`}>
      <p className="font-mono text-sm text-zinc-600 dark:text-zinc-400">{status}</p>
      <h1 id="refused-title" className="text-2xl font-semibold tracking-tight">
        {title}
      </h1>
      <p className="text-zinc-700 dark:text-zinc-300">{reason}</p>
      <p className="text-sm text-zinc-600 dark:text-zinc-400">{t('sectionsHint')}</p>
      <div>
        <Link href="/" className={buttonClasses({ variant: 'secondary' })}>
          {t('backToOverview')}
        </Link>
      </div>
    </section>
  );
}
