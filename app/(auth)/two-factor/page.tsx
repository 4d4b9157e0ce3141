import type { Metadata } from 'next';
import Link from 'next/link';
import { getFormatter, getTranslations } from 'next-intl/server';

import { PasswordChangeForm } from '@/components/auth/password-change-form';
import { SessionExpiryProvider } from '@/components/auth/session-expiry-provider';
import { TwoFactorEnrolment } from '@/components/auth/two-factor-enrolment';
import { requirePagePermission } from '@/lib/auth/page-guard';
import { serverAuthDeps } from '@/lib/auth/deps';
import { ownSignIn } from '@/lib/auth/two-factor-enrolment';

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations('auth');
  return { title: t('twoFactor.metaTitle') };
}
export const dynamic = 'force-dynamic';

export default async function TwoFactorPage({
  searchParams,
}: {
  searchParams: Promise<Record<string, string | string[] | undefined>>;
}) {
  const user = await requirePagePermission('two_factor.enrol');
  const { required } = await searchParams;
  const row = await ownSignIn(serverAuthDeps(), user);
  const [t, format] = await Promise.all([getTranslations('auth'), getFormatter()]);
  // Signed in, like the dashboard: a session that ends while a form here is open is renewed in place too.
  return (
    <SessionExpiryProvider email={user.email}>
      <main className="flex min-h-dvh items-center justify-center px-4 py-12">
        <div className="grid w-full max-w-md gap-5 rounded-xl border border-zinc-200 p-6 dark:border-zinc-800">
          <h1 className="text-2xl font-semibold tracking-tight">{t('twoFactor.title')}</h1>
          {required ? (
            <p
              role="alert"
              className="rounded-lg border border-amber-300 bg-amber-50 p-3 text-sm text-amber-900 dark:border-amber-800 dark:bg-amber-950 dark:text-amber-200"
            >
              {t('twoFactor.required')}
            </p>
          ) : null}
          {row.totpEnabledAt ? (
            <>
              <p>{t('twoFactor.enabledSince', { date: format.dateTime(row.totpEnabledAt, 'date') })}</p>
              <Link href="/" className="text-sm font-medium text-blue-700 hover:underline dark:text-blue-400">
                {t('twoFactor.backToDashboard')}
              </Link>
            </>
          ) : (
            <TwoFactorEnrolment />
          )}
          {/* Users of single sign-on have no dashboard password; one who still owes a 2FA enrolment enrols first. */}
          {row.hasPassword && !required ? (
            <div id="password" className="border-t border-zinc-200 pt-5 dark:border-zinc-800">
              <PasswordChangeForm />
            </div>
          ) : null}
        </div>
      </main>
    </SessionExpiryProvider>
  );
}
