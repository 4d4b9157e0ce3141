import Link from 'next/link';

import { Badge } from '@/components/ui/badge';
import { RelativeTime } from '@/components/ui/relative-time';
import { DataTable, type TableColumn } from '@/components/ui/table';
import type { UsageFilter } from '@/lib/usage/usage-filter';
import { usageHref } from '@/lib/usage/usage-filter-params';
import { RANGE_SPECS } from '@/lib/usage/usage-range';
import type { UsageAccountView } from '@/lib/usage/types';

/** Each account of the view: its uses in the range, its last use, and how its collection and credential are doing. */

function collectionCell(account: UsageAccountView) {
  if (account.usageReported === 'unsupported') return <Badge tone="neutral">usage not reported by the API</Badge>;
  const { collection } = account;
  if (!collection) return <span className="text-zinc-600 dark:text-zinc-400">first collection pending</span>;
  if (collection.failureCount > 0)
    return (
      <span className="grid gap-0.5">
        <Badge tone="danger">failing ({collection.failureCount} in a row)</Badge>
        <span className="text-xs text-zinc-600 dark:text-zinc-400">{collection.lastProblem}</span>
      </span>
    );
  return (
    <span className="text-sm">
      <RelativeTime date={collection.lastSucceededAt} prefix="collected " fallback="not yet collected" />
    </span>
  );
}

function columns(filter: UsageFilter): TableColumn<UsageAccountView>[] {
  return [
    {
      id: 'account',
      header: 'Account',
      cell: (account) => (
        <span className="grid">
          <Link
            href={usageHref('/usage', { ...filter, accountId: account.id })}
            className="font-medium text-blue-700 hover:underline dark:text-blue-400"
          >
            {account.label}
          </Link>
          <span className="text-xs text-zinc-600 dark:text-zinc-400">{account.username}</span>
        </span>
      ),
    },
    { id: 'keys', header: 'Keys', align: 'end', className: 'tabular-nums', cell: (account) => account.keyCount },
    {
      id: 'uses',
      header: `Uses in ${RANGE_SPECS[filter.range].label}`,
      align: 'end',
      className: 'tabular-nums',
      cell: (account) => account.usesInRange.toLocaleString('en-US'),
    },
    {
      id: 'lastUsed',
      header: 'Last use',
      cell: (account) => <RelativeTime date={account.lastUsedAt} fallback="never" />,
    },
    { id: 'collection', header: 'Collection', cell: collectionCell },
    {
      id: 'credential',
      header: 'Credential',
      cell: (account) => (
        <Badge
          tone={
            account.credential.state === 'expired'
              ? 'danger'
              : account.credential.state === 'expiring'
                ? 'warning'
                : 'neutral'
          }
        >
          {account.credential.kind === 'PASSWORD' ? 'Password' : 'API key'} · {account.credential.ageDays} days old
        </Badge>
      ),
    },
  ];
}

export function UsageAccountsTable({ filter, accounts }: { filter: UsageFilter; accounts: UsageAccountView[] }) {
  return (
    <DataTable
      label="Accounts in this usage view"
      columns={columns(filter)}
      rows={accounts}
      empty="You are not a member of any sendSMS account yet. An account admin can add you to one."
    />
  );
}
