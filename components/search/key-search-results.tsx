import Link from 'next/link';

import { formatCount } from '@/components/keys/labels';
import { RelativeTime } from '@/components/ui/relative-time';
import { DataTable, type TableColumn } from '@/components/ui/table';
import type { KeySearchMatch, KeySearchResultView, KeySearchRowView } from '@/lib/key-search/types';
import { KEY_SEARCH_ROWS } from '@/lib/key-search/search-query';
import { KIND_LABELS, USAGE_LABEL_NAMES } from '@/lib/keys/labels';

/** The keys a search found, each with its account and what support asks about first, linking to the key's page. */

const MATCH_LABELS: Record<KeySearchMatch, string> = {
  fragment: 'end of the key',
  name: 'key name',
  account: 'account',
  'locked-ip': 'Locked On IP',
  'refused-ip': 'refused IP',
};

const muted = 'text-zinc-600 dark:text-zinc-400';

function LockState({ row }: { row: KeySearchRowView }) {
  if (row.lockState === 'cloud') return <span className={muted}>not locked (Cloud)</span>;
  if (row.lockState === 'awaiting-first-use') return <span>awaiting first use</span>;
  return <RelativeTime date={row.lockedAt} prefix="locked since " />;
}

const columns: TableColumn<KeySearchRowView>[] = [
  {
    id: 'key',
    header: 'Key',
    cell: (row) => (
      <span className="grid">
        <Link href={row.href} className="font-medium text-blue-700 hover:underline dark:text-blue-400">
          {row.name}
        </Link>
        {row.upstreamName ? <span className={`text-xs ${muted}`}>at sendSMS: {row.upstreamName}</span> : null}
        <code className={`font-mono text-xs ${muted}`}>{row.fragment}</code>
      </span>
    ),
  },
  {
    id: 'account',
    header: 'Account',
    cell: (row) => (
      <span className="grid">
        <span>{row.accountLabel}</span>
        <span className={`font-mono text-xs ${muted}`}>{row.accountUsername}</span>
      </span>
    ),
  },
  {
    id: 'kind',
    header: 'Kind',
    cell: (row) => (
      <span className="grid">
        <span>{KIND_LABELS[row.kind]}</span>
        <span className={`text-xs ${muted}`}>usage: {USAGE_LABEL_NAMES[row.usageLabel]}</span>
      </span>
    ),
  },
  { id: 'lockState', header: 'Lock state', cell: (row) => <LockState row={row} /> },
  {
    id: 'lockedIps',
    header: 'Locked On IP',
    cell: (row) =>
      row.lockedIps.length === 0 ? (
        <span className={muted}>none yet</span>
      ) : (
        <ul className="grid gap-0.5 font-mono text-xs">
          {row.lockedIps.map((address, index) => (
            <li key={address}>
              {address}
              {row.kind === 'CLOUD' && index === 0 ? (
                <span className={`font-sans ${muted}`}> (informative)</span>
              ) : null}
            </li>
          ))}
        </ul>
      ),
  },
  {
    id: 'lastUsed',
    header: 'Last used',
    cell: (row) =>
      row.useCount === null && !row.lastUsedAt ? (
        <span className={muted}>not reported by the API</span>
      ) : (
        <RelativeTime date={row.lastUsedAt} fallback="never" />
      ),
  },
  {
    id: 'useCount',
    header: 'Use count',
    align: 'end',
    className: 'tabular-nums',
    cell: (row) => formatCount(row.useCount),
  },
  {
    id: 'refused',
    header: 'Refused calls',
    cell: (row) =>
      row.refusedCount === null ? (
        <span className={muted}>not reported</span>
      ) : row.refusedCount === 0 ? (
        '0'
      ) : (
        <span className="grid">
          <span className="tabular-nums">{row.refusedCount.toLocaleString('en-US')}</span>
          {row.lastRefusedIp ? (
            <span className={`text-xs ${muted}`}>
              last from <span className="font-mono">{row.lastRefusedIp}</span>{' '}
              <RelativeTime date={row.lastRefusedAt} fallback="" />
            </span>
          ) : null}
        </span>
      ),
  },
  {
    id: 'matchedOn',
    header: 'Found by',
    cell: (row) => row.matchedOn.map((match) => MATCH_LABELS[match]).join(', '),
  },
];

export function KeySearchResults({ result }: { result: KeySearchResultView }) {
  const count = result.rows.length;
  return (
    <div className="grid gap-2">
      <p className={`text-sm ${muted}`} data-testid="key-search-count" aria-live="polite">
        {result.truncated
          ? `More than ${KEY_SEARCH_ROWS} keys match: the best ${KEY_SEARCH_ROWS} are listed. Add to the search to narrow it.`
          : count === 0
            ? null
            : `${count} key${count === 1 ? '' : 's'} found${result.searchedAs === 'ip' ? ' for this IP address' : ''}.`}
      </p>
      <DataTable
        label="Keys found"
        columns={columns}
        rows={result.rows}
        rowTestId={() => 'key-search-row'}
        empty={
          result.searchedAs === 'ip'
            ? 'No key you can see is locked on this address or was refused from it.'
            : 'No key you can see matches: check the last 4 characters of the key, or try its name or the sendSMS username.'
        }
      />
    </div>
  );
}
