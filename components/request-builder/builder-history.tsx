import { Badge } from '@/components/ui/badge';
import { Button } from '@/components/ui/button';
import { RelativeTime } from '@/components/ui/relative-time';
import { Table, TableBody, TableCell, TableHead, TableHeader, TableRow } from '@/components/ui/table';
import type { BuilderHistoryEntry } from '@/lib/request-builder/history';

/** The requests made here, from the audit log, newest first, each one a click from being run again. */
export function BuilderHistory({
  entries,
  onRunAgain,
  canRunAgain,
}: {
  entries: BuilderHistoryEntry[];
  onRunAgain: (entry: BuilderHistoryEntry) => void;
  canRunAgain: (entry: BuilderHistoryEntry) => boolean;
}) {
  return (
    <section aria-labelledby="history-title" className="grid gap-3">
      <h2 id="history-title" className="text-lg font-semibold">
        Requests made here
      </h2>
      {entries.length === 0 ? (
        <p className="text-sm text-zinc-600 dark:text-zinc-400">
          None yet: the requests you test appear here, with their results.
        </p>
      ) : (
        <Table>
          <TableHeader>
            <TableRow>
              <TableHead>When</TableHead>
              <TableHead>Who</TableHead>
              <TableHead>Account</TableHead>
              <TableHead>Request</TableHead>
              <TableHead>Key</TableHead>
              <TableHead>Result</TableHead>
              <TableHead>
                <span className="sr-only">Actions</span>
              </TableHead>
            </TableRow>
          </TableHeader>
          <TableBody>
            {entries.map((entry) => (
              <TableRow key={entry.id}>
                <TableCell>
                  <RelativeTime date={entry.occurredAt} />
                </TableCell>
                <TableCell>{entry.actorEmail ?? 'the dashboard'}</TableCell>
                <TableCell>{entry.accountLabel}</TableCell>
                <TableCell>
                  <code className="font-mono text-xs">{entry.action}</code>
                  {Object.entries(entry.params)
                    .filter(([name]) => name !== 'sendAs')
                    .map(([name, value]) => (
                      <span key={name} className="ml-2 font-mono text-xs text-zinc-600 dark:text-zinc-400">
                        {name}={value}
                      </span>
                    ))}
                </TableCell>
                <TableCell>{entry.keyName ?? '—'}</TableCell>
                <TableCell>
                  <Badge tone={entry.outcome === 'success' && (entry.upstreamStatus ?? 0) >= 0 ? 'success' : 'danger'}>
                    {entry.upstreamStatus === null ? entry.outcome : `status ${entry.upstreamStatus}`}
                  </Badge>
                </TableCell>
                <TableCell>
                  {canRunAgain(entry) ? (
                    <Button variant="ghost" size="sm" onClick={() => onRunAgain(entry)}>
                      Run again
                    </Button>
                  ) : null}
                </TableCell>
              </TableRow>
            ))}
          </TableBody>
        </Table>
      )}
    </section>
  );
}
