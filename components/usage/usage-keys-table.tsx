import Link from 'next/link';

import { KIND_LABELS, formatCount } from '@/components/keys/labels';
import { RelativeTime } from '@/components/ui/relative-time';
import { DataTable, type TableColumn } from '@/components/ui/table';
import type { UsageFilter, UsageSort } from '@/lib/usage/usage-filter';
import { usageHref } from '@/lib/usage/usage-filter-params';
import { RANGE_SPECS } from '@/lib/usage/usage-range';
import type { UsageKeyRowView } from '@/lib/usage/types';

/** The keys of a usage view: each links to its key page (the drill-down); sorted by the server, through the URL. */

function columns(filter: UsageFilter): TableColumn<UsageKeyRowView, UsageSort>[] {
  return [
    {
      id: 'key',
      header: 'Key',
      cell: (key) => (
        <span className="grid">
          <Link
            href={`/accounts/${key.accountId}/api-keys/${key.id}`}
            className="font-medium text-blue-700 hover:underline dark:text-blue-400"
          >
            {key.name}
          </Link>
          <span className="font-mono text-xs text-zinc-600 dark:text-zinc-400">{key.fragment}</span>
        </span>
      ),
    },
    { id: 'account', header: 'Account', cell: (key) => key.accountLabel },
    { id: 'kind', header: 'Kind', cell: (key) => KIND_LABELS[key.kind] },
    {
      id: 'uses',
      header: `Uses in ${RANGE_SPECS[filter.range].label}`,
      sort: 'uses',
      align: 'end',
      className: 'tabular-nums',
      cell: (key) => key.usesInRange.toLocaleString('en-US'),
    },
    {
      id: 'lastUsed',
      header: 'Last used',
      sort: 'lastUsed',
      cell: (key) => <RelativeTime date={key.lastUsedAt} fallback="never" />,
    },
    {
      id: 'useCount',
      header: 'Use count',
      align: 'end',
      className: 'tabular-nums',
      cell: (key) => formatCount(key.useCount),
    },
    {
      id: 'refused',
      header: 'Refused calls',
      sort: 'refused',
      cell: (key) =>
        key.refusedCount === null ? (
          <span className="text-zinc-600 dark:text-zinc-400">not reported</span>
        ) : key.refusedCount === 0 ? (
          '0'
        ) : (
          <span className="grid">
            <span className="tabular-nums">{key.refusedCount.toLocaleString('en-US')}</span>
            {key.lastRefusedIp ? (
              <span className="text-xs text-zinc-600 dark:text-zinc-400">
                last from <span className="font-mono">{key.lastRefusedIp}</span>{' '}
                <RelativeTime date={key.lastRefusedAt} fallback="" />
              </span>
            ) : null}
          </span>
        ),
    },
  ];
}

export function UsageKeysTable({
  filter,
  rows,
  total,
}: {
  filter: UsageFilter;
  rows: UsageKeyRowView[];
  total: number;
}) {
  return (
    <div className="grid gap-2">
      <DataTable
        label="Keys in this usage view"
        columns={columns(filter)}
        rows={rows}
        rowTestId={() => 'usage-key-row'}
        empty="No key matches this view."
        sort={{
          by: filter.sort,
          dir: filter.dir,
          href: (sort, dir) => usageHref('/usage', { ...filter, sort, dir }),
        }}
      />
      <p className="text-sm text-zinc-600 dark:text-zinc-400" data-testid="usage-keys-count">
        {total > rows.length
          ? `Showing the first ${rows.length} of ${total.toLocaleString('en-US')} keys; the CSV export holds all of them.`
          : `${total.toLocaleString('en-US')} key${total === 1 ? '' : 's'}.`}
      </p>
    </div>
  );
}
