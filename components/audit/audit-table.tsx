import Link from 'next/link';

import type { AuditRow } from '@/lib/audit-log/audit-filter';
import { Badge } from '@/components/ui/badge';
import { Table, TableBody, TableCell, TableHead, TableHeader, TableRow } from '@/components/ui/table';

const OUTCOME_TONE = { success: 'success', failure: 'warning', denied: 'danger' } as const;

export function AuditTable({
  rows,
  total,
  page,
  pageCount,
  query,
}: {
  rows: AuditRow[];
  total: number;
  page: number;
  pageCount: number;
  query: string;
}) {
  const pageHref = (target: number) => `/audit?${query ? `${query}&` : ''}page=${target}`;
  return (
    <div className="grid gap-3">
      <p className="text-sm text-zinc-600 dark:text-zinc-400" role="status">
        {total === 0 ? 'No events match these filters.' : `${total} events · page ${page} of ${pageCount}`}
      </p>
      {rows.length > 0 ? (
        <Table aria-label="Audit events">
          <TableHeader>
            <TableRow>
              <TableHead>When</TableHead>
              <TableHead>Who</TableHead>
              <TableHead>Action</TableHead>
              <TableHead>Outcome</TableHead>
              <TableHead>Account</TableHead>
              <TableHead>Key</TableHead>
              <TableHead>Details</TableHead>
              <TableHead>From</TableHead>
            </TableRow>
          </TableHeader>
          <TableBody>
            {rows.map((row) => (
              <TableRow key={row.id}>
                <TableCell className="whitespace-nowrap">{row.occurredAt.replace('T', ' ').slice(0, 19)}</TableCell>
                <TableCell>
                  {row.actorEmail ?? 'anonymous'}
                  {row.actorRole ? <span className="block text-xs text-zinc-500">{row.actorRole}</span> : null}
                </TableCell>
                <TableCell className="font-mono text-xs">{row.action}</TableCell>
                <TableCell>
                  <Badge tone={OUTCOME_TONE[row.outcome as keyof typeof OUTCOME_TONE] ?? 'neutral'}>
                    {row.outcome}
                  </Badge>
                </TableCell>
                <TableCell className="font-mono text-xs">{row.accountId ?? '—'}</TableCell>
                <TableCell className="font-mono text-xs">{row.keyId ?? '—'}</TableCell>
                <TableCell className="max-w-xs truncate font-mono text-xs" title={JSON.stringify(row.params)}>
                  {JSON.stringify(row.params)}
                  {row.upstreamStatus !== null ? ` · status ${row.upstreamStatus}` : ''}
                </TableCell>
                <TableCell className="text-xs">{row.sourceIp ?? '—'}</TableCell>
              </TableRow>
            ))}
          </TableBody>
        </Table>
      ) : null}
      <nav aria-label="Pages" className="flex gap-3 text-sm">
        {page > 1 ? <Link href={pageHref(page - 1)}>Previous page</Link> : null}
        {page < pageCount ? <Link href={pageHref(page + 1)}>Next page</Link> : null}
      </nav>
    </div>
  );
}
