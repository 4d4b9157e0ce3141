import Link from 'next/link';

import type { AuditFilter, AuditRow } from '@/lib/audit-log/audit-filter';
import { auditFilterHref } from '@/lib/audit-log/audit-filter-params';
import { Badge } from '@/components/ui/badge';
import { DataTable, type TableColumn } from '@/components/ui/table';

const OUTCOME_TONE = { success: 'success', failure: 'warning', denied: 'danger' } as const;

const COLUMNS: TableColumn<AuditRow>[] = [
  {
    id: 'when',
    header: 'When',
    className: 'whitespace-nowrap',
    cell: (row) => row.occurredAt.replace('T', ' ').slice(0, 19),
  },
  {
    id: 'who',
    header: 'Who',
    cell: (row) => (
      <>
        {row.actorEmail ?? 'anonymous'}
        {row.actorRole ? <span className="block text-xs text-zinc-500">{row.actorRole}</span> : null}
      </>
    ),
  },
  { id: 'action', header: 'Action', className: 'font-mono text-xs', cell: (row) => row.action },
  {
    id: 'outcome',
    header: 'Outcome',
    cell: (row) => (
      <Badge tone={OUTCOME_TONE[row.outcome as keyof typeof OUTCOME_TONE] ?? 'neutral'}>{row.outcome}</Badge>
    ),
  },
  { id: 'account', header: 'Account', className: 'font-mono text-xs', cell: (row) => row.accountId ?? '—' },
  { id: 'key', header: 'Key', className: 'font-mono text-xs', cell: (row) => row.keyId ?? '—' },
  {
    id: 'details',
    header: 'Details',
    className: 'font-mono text-xs',
    cell: (row) => (
      <span className="block max-w-xs truncate" title={JSON.stringify(row.params)}>
        {JSON.stringify(row.params)}
        {row.upstreamStatus !== null ? ` · status ${row.upstreamStatus}` : ''}
      </span>
    ),
  },
  { id: 'from', header: 'From', className: 'text-xs', cell: (row) => row.sourceIp ?? '—' },
];

export function AuditTable({
  rows,
  total,
  pageCount,
  filter,
}: {
  rows: AuditRow[];
  total: number;
  pageCount: number;
  filter: AuditFilter;
}) {
  const { page } = filter;
  return (
    <div className="grid gap-3">
      {total > 0 ? (
        <p className="text-sm text-zinc-600 dark:text-zinc-400" role="status">
          {total} events · page {page} of {pageCount}
        </p>
      ) : null}
      <DataTable label="Audit events" columns={COLUMNS} rows={rows} empty="No events match these filters." />
      <nav aria-label="Pages" className="flex gap-3 text-sm">
        {page > 1 ? <Link href={auditFilterHref('/audit', { ...filter, page: page - 1 })}>Previous page</Link> : null}
        {page < pageCount ? (
          <Link href={auditFilterHref('/audit', { ...filter, page: page + 1 })}>Next page</Link>
        ) : null}
      </nav>
    </div>
  );
}
