import type { Metadata } from 'next';
import Link from 'next/link';
import { getTranslations } from 'next-intl/server';

import { Button } from '@/components/ui/button';

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations('shell.notFound'))('title') };
}

export default async function NotFound() {
  const t = await getTranslations('shell.notFound');
  return (
    <main className="flex min-h-dvh flex-col items-center justify-center gap-4 px-4 text-center">
      <p className="font-mono text-sm text-zinc-500 dark:text-zinc-400">{t('status')}</p>
      <h1 className="text-2xl font-semibold tracking-tight">{t('title')}</h1>
      <p className="max-w-md text-zinc-600 dark:text-zinc-400">{t('body')}</p>
      <Button asChild variant="secondary">
        <Link href="/">{t('back')}</Link>
      </Button>
    </main>
  );
}
