import type { Metadata } from 'next';
import { notFound } from 'next/navigation';

import { SectionHeader } from '@/components/shell/section-header';
import { dashboardSections } from '@/components/shell/sections';
import { UsageAccountsTable } from '@/components/usage/usage-accounts-table';
import { UsageAttention } from '@/components/usage/usage-attention';
import { UsageBarChart } from '@/components/usage/usage-bar-chart';
import { UsageKeysTable } from '@/components/usage/usage-keys-table';
import {
  KEY_SET_LABELS,
  UsageFilters,
  UsageKeySetPicker,
  UsageRangePicker,
} from '@/components/usage/usage-view-controls';
import { requirePagePermission } from '@/lib/auth/page-guard';
import { serverDatabaseDeps } from '@/lib/db/deps';
import { isAppError } from '@/lib/errors/app-error';
import { serverKeyDeps } from '@/lib/keys/deps';
import { listVisibleAccounts } from '@/lib/keys/list-service';
import { readUsageFilter } from '@/lib/usage/usage-filter-params';
import { RANGE_SPECS } from '@/lib/usage/usage-range';
import { getUsageOverview } from '@/lib/usage/usage-service';

const section = dashboardSections['usage'];

export const metadata: Metadata = { title: section.title };
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
  const scopeLabel = filter.accountId
    ? (overview.accounts[0]?.label ?? 'this account')
    : visibleAccounts.length === 1
      ? visibleAccounts[0]!.label
      : `all ${visibleAccounts.length} accounts`;
  return (
    <div className="grid gap-8">
      <SectionHeader section={section} />
      <div className="grid gap-3">
        <UsageRangePicker filter={filter} />
        <UsageFilters filter={filter} accounts={visibleAccounts} />
        {refused.length > 0 ? (
          <p role="alert" className="text-sm text-red-700 dark:text-red-400">
            Some choices in the address were not valid and were ignored: {refused.join(' ')}
          </p>
        ) : null}
      </div>

      <section aria-labelledby="usage-over-time" className="grid gap-3">
        <h2 id="usage-over-time" className="text-lg font-semibold">
          Uses over the last {RANGE_SPECS[filter.range].label}: {scopeLabel}
        </h2>
        <UsageBarChart series={overview.series} label={`Uses of ${scopeLabel}`} />
      </section>

      <section aria-labelledby="usage-keys" className="grid gap-3">
        <h2 id="usage-keys" className="text-lg font-semibold">
          Keys: {KEY_SET_LABELS[filter.keys].toLowerCase()}
        </h2>
        <UsageKeySetPicker filter={filter} />
        <UsageKeysTable filter={filter} rows={overview.keys.rows} total={overview.keys.total} />
      </section>

      <section aria-labelledby="usage-accounts" className="grid gap-3">
        <h2 id="usage-accounts" className="text-lg font-semibold">
          Accounts
        </h2>
        <UsageAccountsTable filter={filter} accounts={overview.accounts} />
      </section>

      <section aria-labelledby="usage-attention" className="grid gap-3">
        <h2 id="usage-attention" className="text-lg font-semibold">
          Credential health
        </h2>
        <UsageAttention items={overview.attention} />
      </section>
    </div>
  );
}
