import Link from 'next/link';
import { useFormatter, useTranslations } from 'next-intl';

import { RelativeTime } from '@/components/ui/relative-time';
import { DataTable, type TableColumn } from '@/components/ui/table';
import { FRAGMENT_LENGTH } from '@/lib/key-search/classify-query';
import type { KeySearchResultView, KeySearchRowView } from '@/lib/key-search/types';
import { KEY_SEARCH_ROWS } from '@/lib/key-search/search-query';

/** The keys a search found, each with its account and what support asks about first, linking to the key's page. */

type Translate = ReturnType<typeof useTranslations<'search.results'>>;
type Format = ReturnType<typeof useFormatter>;

const muted = 'text-zinc-600 dark:text-zinc-400';

function LockState({ row, t }: { row: KeySearchRowView; t: Translate }) {
  if (row.lockState === 'cloud') return <span className={muted}>{t('notLockedCloud')}</span>;
  if (row.lockState === 'awaiting-first-use') return <span>{t('awaitingFirstUse')}</span>;
  return <RelativeTime date={row.lockedAt} prefix={t('lockedSincePrefix')} />;
}

function columns(t: Translate, format: Format): TableColumn<KeySearchRowView>[] {
  return [
    {
      id: 'key',
      header: t('columns.key'),
      cell: (row) => (
        <span className="grid">
          <Link href={row.href} className="font-medium text-blue-700 hover:underline dark:text-blue-400">
            {row.name}
          </Link>
          {row.upstreamName ? (
            <span className={`text-xs ${muted}`}>{t('upstreamName', { name: row.upstreamName })}</span>
          ) : null}
          <code className={`font-mono text-xs ${muted}`}>{row.fragment}</code>
        </span>
      ),
    },
    {
      id: 'account',
      header: t('columns.account'),
      cell: (row) => (
        <span className="grid">
          <span>{row.accountLabel}</span>
          <span className={`font-mono text-xs ${muted}`}>{row.accountUsername}</span>
        </span>
      ),
    },
    {
      id: 'kind',
      header: t('columns.kind'),
      cell: (row) => (
        <span className="grid">
          <span>{t(`kinds.${row.kind}`)}</span>
          <span className={`text-xs ${muted}`}>{t('usageLabel', { label: t(`usageLabels.${row.usageLabel}`) })}</span>
        </span>
      ),
    },
    { id: 'lockState', header: t('columns.lockState'), cell: (row) => <LockState row={row} t={t} /> },
    {
      id: 'lockedIps',
      header: t('columns.lockedIps'),
      cell: (row) =>
        row.lockedIps.length === 0 ? (
          <span className={muted}>{t('noLockedIps')}</span>
        ) : (
          <ul className="grid gap-0.5 font-mono text-xs">
            {row.lockedIps.map((address, index) => (
              <li key={address}>
                {address}
                {row.kind === 'CLOUD' && index === 0 ? (
                  <span className={`font-sans ${muted}`}> {t('informative')}</span>
                ) : null}
              </li>
            ))}
          </ul>
        ),
    },
    {
      id: 'lastUsed',
      header: t('columns.lastUsed'),
      cell: (row) =>
        row.useCount === null && !row.lastUsedAt ? (
          <span className={muted}>{t('notReportedByApi')}</span>
        ) : (
          <RelativeTime date={row.lastUsedAt} />
        ),
    },
    {
      id: 'useCount',
      header: t('columns.useCount'),
      align: 'end',
      className: 'tabular-nums',
      cell: (row) => (row.useCount === null ? t('notReportedByApi') : format.number(row.useCount)),
    },
    {
      id: 'refused',
      header: t('columns.refused'),
      cell: (row) =>
        row.refusedCount === null ? (
          <span className={muted}>{t('notReported')}</span>
        ) : row.refusedCount === 0 ? (
          format.number(0)
        ) : (
          <span className="grid">
            <span className="tabular-nums">{format.number(row.refusedCount)}</span>
            {row.lastRefusedIp ? (
              <span className={`text-xs ${muted}`}>
                {t.rich('lastRefusedFrom', {
                  ip: row.lastRefusedIp,
                  mono: (chunks) => <span className="font-mono">{chunks}</span>,
                })}{' '}
                <RelativeTime date={row.lastRefusedAt} fallback="" />
              </span>
            ) : null}
          </span>
        ),
    },
    {
      id: 'matchedOn',
      header: t('columns.matchedOn'),
      cell: (row) =>
        format.list(
          row.matchedOn.map((match) => t(`matches.${match}`)),
          { type: 'unit' },
        ),
    },
  ];
}

export function KeySearchResults({ result }: { result: KeySearchResultView }) {
  const t = useTranslations('search.results');
  const format = useFormatter();
  const count = result.rows.length;
  return (
    <div className="grid gap-2">
      <p className={`text-sm ${muted}`} data-testid="key-search-count" aria-live="polite">
        {result.truncated
          ? t('truncated', { max: KEY_SEARCH_ROWS })
          : count === 0
            ? null
            : t('found', { count, searchedAs: result.searchedAs })}
      </p>
      <DataTable
        label={t('tableLabel')}
        columns={columns(t, format)}
        rows={result.rows}
        rowTestId={() => 'key-search-row'}
        empty={result.searchedAs === 'ip' ? t('emptyIp') : t('emptyText', { fragment: FRAGMENT_LENGTH })}
      />
    </div>
  );
}
