'use client';

import { useLocale, useTranslations } from 'next-intl';
import { useRouter } from 'next/navigation';
import { useId, useTransition } from 'react';

import { ApiError } from '@/components/api/api-client';
import { toast } from '@/components/ui/toast';
import { isLocale, LOCALE_NAMES, LOCALES } from '@/i18n/locales';
import { chooseLanguage } from './choose-language';

/**
 * English or Română, in the header and on the sign-in page. Each language is named in itself, with its `lang`, so a
 * reader who does not understand the current one still finds theirs. The page is rendered again in the new language;
 * nothing typed elsewhere on it is sent.
 */
export function LanguageSwitch({ signedIn }: { signedIn: boolean }) {
  const t = useTranslations('shell.language');
  const locale = useLocale();
  const router = useRouter();
  const id = useId();
  const [pending, startTransition] = useTransition();

  function choose(next: string) {
    if (!isLocale(next) || next === locale) return;
    startTransition(async () => {
      try {
        await chooseLanguage(next, signedIn);
        router.refresh();
      } catch (error) {
        const reason = error instanceof ApiError ? error.message : String(error);
        toast({ tone: 'danger', title: t('saveFailed', { reason }) });
      }
    });
  }

  return (
    <div className="inline-flex items-center gap-1.5">
      <label htmlFor={id} className="sr-only">
        {t('label')}
      </label>
      <select
        id={id}
        value={locale}
        disabled={pending}
        aria-busy={pending || undefined}
        onChange={(event) => choose(event.target.value)}
        data-testid="language-switch"
        className="h-8 rounded-md border border-zinc-200 bg-white px-1.5 text-sm text-zinc-800 focus-visible:outline-2 focus-visible:outline-blue-600 dark:border-zinc-800 dark:bg-zinc-900 dark:text-zinc-100 dark:focus-visible:outline-blue-400"
      >
        {LOCALES.map((option) => (
          <option key={option} value={option} lang={option}>
            {LOCALE_NAMES[option]}
          </option>
        ))}
      </select>
    </div>
  );
}
