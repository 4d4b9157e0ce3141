import type { Metadata } from 'next';
import Link from 'next/link';
import { redirect } from 'next/navigation';
import { getTranslations } from 'next-intl/server';

import { LoginPanel } from '@/components/auth/login-panel';
import { LanguageSwitch } from '@/components/shell/language-switch';
import { safeCallbackUrl } from '@/lib/auth/callback-url';
import { needsFirstAdmin } from '@/lib/auth/first-admin';
import { serverDatabaseDeps } from '@/lib/db/deps';
import { getConfig } from '@/lib/config';

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations('auth');
  return { title: t('login.metaTitle') };
}
// The single sign-on button depends on the running server's environment, not the build's.
export const dynamic = 'force-dynamic';

export default async function LoginPage({
  searchParams,
}: {
  searchParams: Promise<Record<string, string | string[] | undefined>>;
}) {
  if (await needsFirstAdmin(serverDatabaseDeps())) redirect('/setup');
  const query = await searchParams;
  const error = typeof query.error === 'string' ? query.error : null;
  const [t, shell] = await Promise.all([getTranslations('auth'), getTranslations('shell')]);
  return (
    <main className="relative flex min-h-dvh items-center justify-center px-4 py-12">
      {/* The language before sign-in: kept in a cookie until there is an account to keep it on. */}
      <div className="absolute top-4 right-4">
        <LanguageSwitch signedIn={false} />
      </div>
      <div className="grid w-full max-w-sm gap-6 rounded-xl border border-zinc-200 p-6 shadow-sm dark:border-zinc-800 dark:bg-zinc-900/40">
        <div className="grid gap-1.5">
          <p className="text-sm font-medium text-zinc-600 dark:text-zinc-400">{shell('productName')}</p>
          <h1 className="text-2xl font-semibold tracking-tight">{t('login.title')}</h1>
        </div>
        <LoginPanel
          callbackUrl={safeCallbackUrl(query.callbackUrl)}
          error={error}
          ssoName={getConfig().oidc?.name ?? null}
        />
        <Link
          href="/"
          className="justify-self-start rounded text-sm font-medium text-blue-700 underline-offset-4 hover:underline focus-visible:outline-2 focus-visible:outline-offset-2 focus-visible:outline-blue-600 dark:text-blue-400"
        >
          {t('login.backToDashboard')}
        </Link>
      </div>
    </main>
  );
}
