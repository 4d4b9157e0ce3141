'use client';

import { useMutation } from '@tanstack/react-query';
import { useFormatter, useTranslations } from 'next-intl';
import { useRouter } from 'next/navigation';
import { useMemo, useState, useSyncExternalStore, type FormEvent } from 'react';

import { api, type ApiError } from '@/components/api/api-client';
import { FormError } from '@/components/api/form-error';
import { Button } from '@/components/ui/button';
import { Select } from '@/components/ui/select';
import { LOCALE_NAMES, LOCALES, type Locale } from '@/i18n/locales';

/** The value of the time zone select that means "no choice: follow the browser". */
const BROWSER_ZONE = '';

const noop = () => () => {};

function browserZone(): string {
  return Intl.DateTimeFormat().resolvedOptions().timeZone;
}

function allZones(): string[] {
  // Every zone the browser knows; an old browser without supportedValuesOf still offers its own zone and UTC.
  const supported = typeof Intl.supportedValuesOf === 'function' ? Intl.supportedValuesOf('timeZone') : [];
  return [...new Set([...supported, browserZone(), 'UTC'])].sort();
}

/**
 * Language and time zone, saved together on the user's account; the page is rendered again in them. The zone list
 * is the browser's own (hundreds of IANA names, a native select so typing a letter jumps to it).
 */
export function PreferencesForm({ locale, storedTimeZone }: { locale: Locale; storedTimeZone: string | null }) {
  const t = useTranslations('preferences');
  const format = useFormatter();
  const router = useRouter();
  const [language, setLanguage] = useState<Locale>(locale);
  const [zone, setZone] = useState<string>(storedTimeZone ?? BROWSER_ZONE);
  // The browser's zone is only known in the browser: the server renders the list without it.
  const hydrated = useSyncExternalStore(
    noop,
    () => true,
    () => false,
  );
  const zones = useMemo(
    () => (hydrated ? allZones() : storedTimeZone ? [storedTimeZone] : []),
    [hydrated, storedTimeZone],
  );
  const ownZone = hydrated ? browserZone() : '…';

  const save = useMutation<unknown, ApiError, { locale: Locale; timeZone: string | null }>({
    mutationFn: (values) => api.put('/api/preferences', values),
    onSuccess: () => router.refresh(),
  });

  function submit(event: FormEvent) {
    event.preventDefault();
    save.mutate({ locale: language, timeZone: zone === BROWSER_ZONE ? null : zone });
  }

  const shownZone = zone === BROWSER_ZONE ? ownZone : zone;
  return (
    <form onSubmit={submit} className="grid gap-5" noValidate>
      <div className="grid gap-1.5">
        <Select
          label={t('language')}
          value={language}
          onChange={(event) => setLanguage(event.target.value as Locale)}
          options={LOCALES.map((value) => ({ value, label: LOCALE_NAMES[value] }))}
          error={save.error?.fieldErrors.locale}
        />
        <p className="text-sm text-zinc-600 dark:text-zinc-400">{t('languageHint')}</p>
      </div>
      <div className="grid gap-1.5">
        <Select
          label={t('timeZone')}
          value={zone}
          onChange={(event) => setZone(event.target.value)}
          options={[
            { value: BROWSER_ZONE, label: t('browserZone', { zone: ownZone }) },
            ...zones.map((value) => ({ value, label: value })),
          ]}
          error={save.error?.fieldErrors.timeZone}
        />
        <p className="text-sm text-zinc-600 dark:text-zinc-400">{t('timeZoneHint')}</p>
        {hydrated ? (
          <p className="text-sm text-zinc-600 dark:text-zinc-400">
            {t('example', {
              now: format.dateTime(new Date(), { dateStyle: 'medium', timeStyle: 'short', timeZone: shownZone }),
            })}
          </p>
        ) : null}
      </div>
      <FormError error={save.error} />
      <div role="status" aria-live="polite" className="text-sm text-green-700 dark:text-green-400">
        {save.isSuccess ? t('saved', { language: LOCALE_NAMES[language], zone: shownZone }) : null}
      </div>
      <div>
        <Button type="submit" disabled={save.isPending}>
          {save.isPending ? t('saving') : t('save')}
        </Button>
      </div>
    </form>
  );
}
