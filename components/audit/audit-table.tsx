import Link from 'next/link';

import type { AuditFilter } from '@/lib/audit-log/audit-filter';
import { auditFilterHref } from '@/lib/audit-log/audit-filter-params';
import type { AuditLine } from '@/lib/audit-log/audit-row';
import { idsText } from '@/lib/audit-log/event-details';
import { outcomeName } from '@/lib/audit-log/event-sentence';
import { LocalTime } from '@/components/audit/local-time';
// The keys pages' copy button: the same control wherever an id or a secret is copied.
import { CopyButton } from '@/components/keys/copy-button';
import { Badge } from '@/components/ui/badge';
import { DataTable, type TableColumn } from '@/components/ui/table';

const OUTCOME_TONE = { success: 'success', failure: 'warning', denied: 'danger' } as const;

// Three columns that wrap rather than scroll: at 1,280 px the details stack as label/value pairs, and a long value
// (a user agent, a path) breaks anywhere instead of widening the table.
const COLUMNS: TableColumn<AuditLine>[] = [
  {
    id: 'when',
    header: 'When',
    width: '12rem',
    className: 'align-top',
    cell: (line) => <LocalTime date={line.occurredAt} />,
  },
  {
    id: 'event',
    header: 'What happened',
    className: 'align-top [overflow-wrap:anywhere]',
    cell: (line) => (
      <>
        <p>{line.sentence}</p>
        <Badge className="mt-1" tone={OUTCOME_TONE[line.outcome as keyof typeof OUTCOME_TONE] ?? 'neutral'}>
          {outcomeName(line.outcome)}
        </Badge>
      </>
    ),
  },
  {
    id: 'details',
    header: 'Details',
    width: '45%',
    className: 'align-top text-xs',
    cell: (line) => (
      <>
        <dl className="grid grid-cols-[max-content_minmax(0,1fr)] gap-x-3 gap-y-0.5">
          {line.details.map((detail, index) => (
            <div key={`${detail.label}-${index}`} className="contents">
              <dt className="text-zinc-500 dark:text-zinc-400">{detail.label}</dt>
              <dd className="min-w-0 [overflow-wrap:anywhere]">{detail.value}</dd>
            </div>
          ))}
        </dl>
        {line.ids.length > 0 ? (
          <div className="mt-1">
            <CopyButton text={idsText(line.ids)} label={`Copy ids of event ${line.event?.id ?? ''}`.trim()}>
              Copy ids
            </CopyButton>
          </div>
        ) : null}
      </>
    ),
  },
];

export function AuditTable({
  lines,
  total,
  pageCount,
  refusalsLeftOut,
  filter,
}: {
  lines: AuditLine[];
  total: number;
  pageCount: number;
  refusalsLeftOut: number;
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
      <DataTable
        label="Audit events"
        columns={COLUMNS}
        rows={lines}
        rowKey={(line) => line.key}
        empty="No events match these filters."
      />
      {refusalsLeftOut > 0 ? (
        <p className="text-sm text-zinc-600 dark:text-zinc-400">
          {refusalsLeftOut} more minutes of refused requests without a session fall among these events and are not
          shown: narrow the time range to see them.
        </p>
      ) : null}
      <nav aria-label="Pages" className="flex gap-3 text-sm">
        {page > 1 ? <Link href={auditFilterHref('/audit', { ...filter, page: page - 1 })}>Previous page</Link> : null}
        {page < pageCount ? (
          <Link href={auditFilterHref('/audit', { ...filter, page: page + 1 })}>Next page</Link>
        ) : null}
      </nav>
    </div>
  );
}
