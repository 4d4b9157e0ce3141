import type { Metadata } from 'next';
import { redirect } from 'next/navigation';
import { getTranslations } from 'next-intl/server';

import { SetupForm } from '@/components/auth/setup-form';
import { needsFirstAdmin } from '@/lib/auth/first-admin';
import { serverDatabaseDeps } from '@/lib/db/deps';

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations('auth');
  return { title: t('setup.metaTitle') };
}
export const dynamic = 'force-dynamic';

/** Open only while the database holds no user at all (never in the demo, which seeds three). */
export default async function SetupPage() {
  if (!(await needsFirstAdmin(serverDatabaseDeps()))) redirect('/login');
  const t = await getTranslations('auth');
  return (
    <main className="flex min-h-dvh items-center justify-center px-4 py-12">
      <div className="grid w-full max-w-sm gap-6 rounded-xl border border-zinc-200 p-6 dark:border-zinc-800">
        <div className="grid gap-1.5">
          <h1 className="text-2xl font-semibold tracking-tight">{t('setup.title')}</h1>
          <p className="text-sm text-zinc-600 dark:text-zinc-400">{t('setup.intro')}</p>
        </div>
        <SetupForm />
      </div>
    </main>
  );
}
