import type { Metadata } from 'next';
import { getTranslations } from 'next-intl/server';

import { PreferencesForm } from '@/components/shell/preferences-form';
import { requirePagePermission } from '@/lib/auth/page-guard';
import { getSessionState } from '@/lib/auth/session';
import { isLocale } from '@/i18n/locales';
import { requestPreferences } from '@/i18n/server/request-preferences';

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations('preferences'))('title') };
}

/** The signed-in user's language and time zone, kept on their account (issue 14). */
export default async function PreferencesPage() {
  await requirePagePermission('preferences.change');
  const [t, state, effective] = await Promise.all([
    getTranslations('preferences'),
    getSessionState(),
    requestPreferences(),
  ]);
  const stored = state?.preferences;
  return (
    <section aria-labelledby="preferences-title" className="grid max-w-xl gap-6">
      <div className="grid gap-2">
        <h1 id="preferences-title" className="text-2xl font-semibold tracking-tight">
          {t('title')}
        </h1>
        <p className="text-zinc-700 dark:text-zinc-300">{t('summary')}</p>
      </div>
      <PreferencesForm
        locale={isLocale(stored?.locale) ? stored.locale : effective.locale}
        storedTimeZone={stored?.timeZone ?? null}
      />
    </section>
  );
}
