import { Badge } from '@/components/ui/badge';
import { Button } from '@/components/ui/button';
import { RelativeTime } from '@/components/ui/relative-time';
import { DataTable, type TableColumn } from '@/components/ui/table';
import type { BuilderHistoryEntry } from '@/lib/request-builder/history';

const COLUMNS: TableColumn<BuilderHistoryEntry>[] = [
  { id: 'when', header: 'When', cell: (entry) => <RelativeTime date={entry.occurredAt} /> },
  { id: 'who', header: 'Who', cell: (entry) => entry.actorEmail ?? 'the dashboard' },
  { id: 'account', header: 'Account', cell: (entry) => entry.accountLabel },
  {
    id: 'request',
    header: 'Request',
    cell: (entry) => (
      <>
        <code className="font-mono text-xs">{entry.action}</code>
        {Object.entries(entry.params)
          .filter(([name]) => name !== 'sendAs')
          .map(([name, value]) => (
            <span key={name} className="ml-2 font-mono text-xs text-zinc-600 dark:text-zinc-400">
              {name}={value}
            </span>
          ))}
      </>
    ),
  },
  { id: 'key', header: 'Key', cell: (entry) => entry.keyName ?? '—' },
  {
    id: 'result',
    header: 'Result',
    cell: (entry) => (
      <Badge tone={entry.outcome === 'success' && (entry.upstreamStatus ?? 0) >= 0 ? 'success' : 'danger'}>
        {entry.upstreamStatus === null ? entry.outcome : `status ${entry.upstreamStatus}`}
      </Badge>
    ),
  },
];

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
  const runAgain: TableColumn<BuilderHistoryEntry> = {
    id: 'actions',
    header: 'Actions',
    hideHeader: true,
    cell: (entry) =>
      canRunAgain(entry) ? (
        <Button variant="ghost" size="sm" onClick={() => onRunAgain(entry)}>
          Run again
        </Button>
      ) : null,
  };
  return (
    <section aria-labelledby="history-title" className="grid gap-3">
      <h2 id="history-title" className="text-lg font-semibold">
        Requests made here
      </h2>
      <DataTable
        label="History of tested requests"
        columns={[...COLUMNS, runAgain]}
        rows={entries}
        empty="None yet: the requests you test appear here, with their results."
      />
    </section>
  );
}
