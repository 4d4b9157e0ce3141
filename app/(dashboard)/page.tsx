import Link from 'next/link';
import { getTranslations } from 'next-intl/server';

import { SystemStatus } from '@/components/overview/system-status';
import { sectionsFor } from '@/components/shell/sections';
import { requireSignedIn } from '@/lib/auth/page-guard';

// The system status is read live on every visit.
export const dynamic = 'force-dynamic';

export default async function OverviewPage() {
  const user = await requireSignedIn();
  const [t, sections] = await Promise.all([getTranslations('overview'), getTranslations('shell.sections')]);
  return (
    <div className="grid max-w-4xl gap-8">
      <div className="grid gap-3">
        <h1 className="text-2xl font-semibold tracking-tight">{t('title')}</h1>
        <p className="max-w-2xl text-zinc-700 dark:text-zinc-300">{t('intro')}</p>
      </div>
      <SystemStatus />
      <section aria-labelledby="sections-title" className="grid gap-3">
        <h2 id="sections-title" className="text-lg font-semibold">
          {t('sections')}
        </h2>
        <ul className="grid gap-3 sm:grid-cols-2 lg:grid-cols-3">
          {sectionsFor(user.role).map((section) => (
            <li key={section.id}>
              <Link
                href={section.href}
                className="grid h-full gap-1.5 rounded-xl border border-zinc-200 p-4 transition-colors hover:border-zinc-300 hover:bg-zinc-50 focus-visible:outline-2 focus-visible:outline-offset-2 focus-visible:outline-blue-600 dark:border-zinc-800 dark:hover:border-zinc-700 dark:hover:bg-zinc-900 dark:focus-visible:outline-blue-400"
              >
                <span className="font-medium">{sections(`${section.id}.title`)}</span>
                <span className="text-sm text-zinc-600 dark:text-zinc-400">{sections(`${section.id}.summary`)}</span>
              </Link>
            </li>
          ))}
        </ul>
      </section>
    </div>
  );
}
