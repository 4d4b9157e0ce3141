import { useTranslations } from 'next-intl';

import { Button } from '@/components/ui/button';
import { Input } from '@/components/ui/input';
import { FRAGMENT_LENGTH } from '@/lib/key-search/classify-query';
import { KEY_SEARCH_MAX_LENGTH } from '@/lib/key-search/search-query';

/**
 * The one box of "Find a key": a plain GET form to /search, so the search is in the address (shareable, back and
 * forward work) and works before any JavaScript has loaded. `refusal` is already worded (search-refusal.ts).
 */
export function KeySearchForm({ q, refusal }: { q: string; refusal?: string }) {
  const t = useTranslations('search.form');
  return (
    <form
      method="get"
      action="/search"
      role="search"
      aria-label={t('label')}
      className="flex flex-wrap items-end gap-3"
    >
      <div className="w-full max-w-xl">
        <Input
          label={t('field')}
          description={t('hint', { fragment: FRAGMENT_LENGTH })}
          name="q"
          type="search"
          defaultValue={q}
          maxLength={KEY_SEARCH_MAX_LENGTH}
          autoComplete="off"
          spellCheck={false}
          error={refusal}
          placeholder={t('placeholder')}
        />
      </div>
      <Button type="submit">{t('submit')}</Button>
    </form>
  );
}
