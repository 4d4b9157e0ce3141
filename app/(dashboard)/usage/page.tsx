import type { Metadata } from 'next';
import { notFound } from 'next/navigation';
import { getLocale, getTranslations } from 'next-intl/server';

import { SectionHeader } from '@/components/shell/section-header';
import { sectionMetadata } from '@/components/shell/section-metadata';
import { dashboardSections } from '@/components/shell/sections';
import { UsageAccountsTable } from '@/components/usage/usage-accounts-table';
import { UsageAttention } from '@/components/usage/usage-attention';
import { UsageBarChart } from '@/components/usage/usage-bar-chart';
import { UsageKeysTable } from '@/components/usage/usage-keys-table';
import { UsageFilters, UsageKeySetPicker, UsageRangePicker } from '@/components/usage/usage-view-controls';
import { requirePagePermission } from '@/lib/auth/page-guard';
import { serverDatabaseDeps } from '@/lib/db/deps';
import { isAppError } from '@/lib/errors/app-error';
import { serverKeyDeps } from '@/lib/keys/deps';
import { listVisibleAccounts } from '@/lib/keys/list-service';
import { readUsageFilter } from '@/lib/usage/usage-filter-params';
import { getUsageOverview } from '@/lib/usage/usage-service';

const section = dashboardSections['usage'];

export const generateMetadata = (): Promise<Metadata> => sectionMetadata(section.id);
export const dynamic = 'force-dynamic';

/**
 * /usage, for team leads above all: across the accounts the user may read, uses over time, keys ranked or picked out
 * (idle, never used, refused calls), each linking to its key page, each account's collection and credential, and a
 * CSV of what the table lists. Everything is in the URL (the range, the account, which keys, the order).
 */
export default async function UsagePage({
  searchParams,
}: {
  searchParams: Promise<Record<string, string | string[] | undefined>>;
}) {
  const { filter, refused } = readUsageFilter(await searchParams);
  const user = await requirePagePermission('usage.read', filter.accountId);
  const [visibleAccounts, overview] = await Promise.all([
    listVisibleAccounts(serverKeyDeps(), user),
    getUsageOverview({ ...serverDatabaseDeps(), now: () => new Date() }, user, filter).catch((error: unknown) => {
      if (isAppError(error) && error.httpStatus === 404) notFound();
      throw error;
    }),
  ]);
  const [t, locale] = await Promise.all([getTranslations('usage'), getLocale()]);
  const scopeLabel = filter.accountId
    ? (overview.accounts[0]?.label ?? t('page.scopeThisAccount'))
    : visibleAccounts.length === 1
      ? visibleAccounts[0]!.label
      : t('page.scopeAllAccounts', { count: visibleAccounts.length });
  return (
    <div className="grid gap-8">
      <SectionHeader section={section} />
      <div className="grid gap-3">
        <UsageRangePicker filter={filter} />
        <UsageFilters filter={filter} accounts={visibleAccounts} />
        {refused.length > 0 ? (
          <p role="alert" className="text-sm text-red-700 dark:text-red-400">
            {t('page.refused', { reasons: refused.map((field) => t(`page.refusedFields.${field}`)).join(' ') })}
          </p>
        ) : null}
      </div>

      <section aria-labelledby="usage-over-time" className="grid gap-3">
        <h2 id="usage-over-time" className="text-lg font-semibold">
          {t('page.overTimeHeading', { range: t(`ranges.${filter.range}`), scope: scopeLabel })}
        </h2>
        <UsageBarChart series={overview.series} label={t('page.chartLabel', { scope: scopeLabel })} />
      </section>

      <section aria-labelledby="usage-keys" className="grid gap-3">
        <h2 id="usage-keys" className="text-lg font-semibold">
          {t('page.keysHeading', { keySet: t(`keySets.${filter.keys}`).toLocaleLowerCase(locale) })}
        </h2>
        <UsageKeySetPicker filter={filter} />
        <UsageKeysTable filter={filter} rows={overview.keys.rows} total={overview.keys.total} />
      </section>

      <section aria-labelledby="usage-accounts" className="grid gap-3">
        <h2 id="usage-accounts" className="text-lg font-semibold">
          {t('page.accountsHeading')}
        </h2>
        <UsageAccountsTable filter={filter} accounts={overview.accounts} />
      </section>

      <section aria-labelledby="usage-attention" className="grid gap-3">
        <h2 id="usage-attention" className="text-lg font-semibold">
          {t('page.attentionHeading')}
        </h2>
        <UsageAttention items={overview.attention} />
      </section>
    </div>
  );
}
