import Link from 'next/link';
import { useFormatter, useTranslations } from 'next-intl';

import { RelativeTime } from '@/components/ui/relative-time';
import { DataTable, type TableColumn } from '@/components/ui/table';
import { USAGE_CADENCE_MS } from '@/lib/keys/collection-state';
import { idleDays, type UsageFilter, type UsageSort } from '@/lib/usage/usage-filter';
import { usageHref } from '@/lib/usage/usage-filter-params';
import type { UsageKeyRowView } from '@/lib/usage/types';

/** The keys of a usage view: each links to its key page (the drill-down); sorted by the server, through the URL. */

type Translate = ReturnType<typeof useTranslations<'usage'>>;
type Format = ReturnType<typeof useFormatter>;

const muted = 'text-zinc-600 dark:text-zinc-400';

function columns(filter: UsageFilter, t: Translate, format: Format): TableColumn<UsageKeyRowView, UsageSort>[] {
  return [
    {
      id: 'key',
      header: t('keysTable.key'),
      cell: (key) => (
        <span className="grid">
          <Link
            href={`/accounts/${key.accountId}/api-keys/${key.id}`}
            className="font-medium text-blue-700 hover:underline dark:text-blue-400"
          >
            {key.name}
          </Link>
          <span className={`font-mono text-xs ${muted}`}>{key.fragment}</span>
        </span>
      ),
    },
    { id: 'account', header: t('keysTable.account'), cell: (key) => key.accountLabel },
    { id: 'kind', header: t('keysTable.kind'), cell: (key) => t(`kinds.${key.kind}`) },
    {
      id: 'uses',
      header: t('keysTable.usesIn', { range: t(`ranges.${filter.range}`) }),
      sort: 'uses',
      align: 'end',
      className: 'tabular-nums',
      cell: (key) => format.number(key.usesInRange),
    },
    {
      id: 'lastUsed',
      header: t('keysTable.lastUsed'),
      sort: 'lastUsed',
      cell: (key) => <RelativeTime date={key.lastUsedAt} />,
    },
    {
      id: 'useCount',
      header: t('keysTable.useCount'),
      align: 'end',
      className: 'tabular-nums',
      cell: (key) => (key.useCount === null ? t('keysTable.notReportedByApi') : format.number(key.useCount)),
    },
    {
      id: 'refused',
      header: t('keysTable.refused'),
      sort: 'refused',
      cell: (key) =>
        key.refusedCount === null ? (
          <span className={muted}>{t('keysTable.notReported')}</span>
        ) : key.refusedCount === 0 ? (
          format.number(0)
        ) : (
          <span className="grid">
            <span className="tabular-nums">{format.number(key.refusedCount)}</span>
            {key.lastRefusedIp ? (
              <span className={`text-xs ${muted}`}>
                {t.rich('keysTable.lastRefusedFrom', {
                  ip: key.lastRefusedIp,
                  mono: (chunks) => <span className="font-mono">{chunks}</span>,
                })}{' '}
                <RelativeTime date={key.lastRefusedAt} fallback="" />
              </span>
            ) : null}
          </span>
        ),
    },
  ];
}

/** What an empty view says: why no key is listed, and when one would be. */
function emptyText(filter: UsageFilter, t: Translate): string {
  const days = idleDays(filter.keys);
  if (days !== null) return t('keysTable.empty.idle', { days });
  if (filter.keys === 'never-used' || filter.keys === 'refused') return t(`keysTable.empty.${filter.keys}`);
  return t('keysTable.empty.all', { minutes: USAGE_CADENCE_MS / 60_000 });
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
  const t = useTranslations('usage');
  const format = useFormatter();
  return (
    <div className="grid gap-2">
      <DataTable
        label={t('keysTable.label')}
        columns={columns(filter, t, format)}
        rows={rows}
        rowTestId={() => 'usage-key-row'}
        empty={emptyText(filter, t)}
        sort={{
          by: filter.sort,
          dir: filter.dir,
          href: (sort, dir) => usageHref('/usage', { ...filter, sort, dir }),
        }}
      />
      <p className={`text-sm ${muted}`} data-testid="usage-keys-count">
        {total > rows.length
          ? t('keysTable.showingFirst', { shown: rows.length, total })
          : t('keysTable.count', { total })}
      </p>
    </div>
  );
}
