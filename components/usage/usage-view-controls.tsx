import Link from 'next/link';
import { useTranslations } from 'next-intl';

import { buttonClasses } from '@/components/ui/button';
import { Button } from '@/components/ui/button';
import { Select } from '@/components/ui/select';
import { cn } from '@/components/ui/cn';
import { USAGE_KEY_SETS, type UsageFilter } from '@/lib/usage/usage-filter';
import { usageHref } from '@/lib/usage/usage-filter-params';
import { USAGE_RANGES } from '@/lib/usage/usage-range';

/**
 * The usage view's controls: the range as links (one click, no JavaScript needed), then the account and which keys
 * as a plain GET form with the same names as the URL, and the CSV export of exactly what the page lists. The names of
 * the ranges and the key sets are the messages usage.ranges.<range> and usage.keySets.<set>.
 */

export function UsageRangePicker({ filter, base = '/usage' }: { filter: Partial<UsageFilter>; base?: string }) {
  const t = useTranslations('usage');
  return (
    <nav aria-label={t('controls.rangeNav')} className="flex flex-wrap gap-1" data-testid="range-picker">
      {USAGE_RANGES.map((range) => {
        const current = filter.range === range;
        const href = base === '/usage' ? usageHref('/usage', { ...filter, range }) : `${base}?range=${range}`;
        return (
          <Link
            key={range}
            href={href}
            aria-current={current ? 'page' : undefined}
            scroll={false}
            className={cn(
              'rounded-md px-3 py-1.5 text-sm font-medium ring-1 ring-zinc-300 ring-inset dark:ring-zinc-700',
              current
                ? 'bg-zinc-900 text-white dark:bg-zinc-100 dark:text-zinc-900'
                : 'text-zinc-700 hover:bg-zinc-100 dark:text-zinc-300 dark:hover:bg-zinc-800',
            )}
          >
            {t(`ranges.${range}`)}
          </Link>
        );
      })}
    </nav>
  );
}

/** Which keys the table lists, as links: ranked, idle for 30, 60 or 90 days, never used, refused calls. */
export function UsageKeySetPicker({ filter }: { filter: UsageFilter }) {
  const t = useTranslations('usage');
  return (
    <nav aria-label={t('controls.keySetNav')} className="flex flex-wrap gap-1" data-testid="key-set-picker">
      {USAGE_KEY_SETS.map((keys) => {
        const current = filter.keys === keys;
        // Idle and never-used keys have no uses to rank: they are listed longest idle first.
        const order = keys.startsWith('idle') || keys === 'never-used' ? { sort: 'lastUsed', dir: 'asc' } : {};
        return (
          <Link
            key={keys}
            href={usageHref('/usage', {
              ...filter,
              keys,
              ...(keys === filter.keys ? {} : { sort: null, dir: null }),
              ...order,
            } as Partial<UsageFilter>)}
            aria-current={current ? 'page' : undefined}
            scroll={false}
            className={cn(
              'rounded-full px-3 py-1 text-sm ring-1 ring-zinc-300 ring-inset dark:ring-zinc-700',
              current
                ? 'bg-blue-700 text-white ring-blue-700 dark:bg-blue-400 dark:text-zinc-950'
                : 'text-zinc-700 hover:bg-zinc-100 dark:text-zinc-300 dark:hover:bg-zinc-800',
            )}
          >
            {t(`keySets.${keys}`)}
          </Link>
        );
      })}
    </nav>
  );
}

export function UsageFilters({
  filter,
  accounts,
}: {
  filter: UsageFilter;
  accounts: ReadonlyArray<{ id: string; label: string; username: string }>;
}) {
  const t = useTranslations('usage.controls');
  return (
    <form method="get" action="/usage" aria-label={t('filterForm')} className="flex flex-wrap items-end gap-3">
      <input type="hidden" name="range" value={filter.range} />
      <input type="hidden" name="sort" value={filter.sort} />
      <input type="hidden" name="dir" value={filter.dir} />
      <Select
        label={t('account')}
        name="accountId"
        defaultValue={filter.accountId ?? ''}
        options={[
          { value: '', label: t('everyAccount') },
          ...accounts.map((account) => ({ value: account.id, label: `${account.label} (${account.username})` })),
        ]}
      />
      <input type="hidden" name="keys" value={filter.keys} />
      <Button type="submit">{t('show')}</Button>
      <a
        href={usageHref('/api/usage/export', filter)}
        className={buttonClasses({ variant: 'secondary' })}
        download
        data-testid="usage-export"
      >
        {t('export')}
      </a>
    </form>
  );
}
