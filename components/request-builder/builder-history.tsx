import { Badge, type Tone } from '@/components/ui/badge';
import { Button } from '@/components/ui/button';
import { DisabledWithReason } from '@/components/ui/disabled-with-reason';
import { RelativeTime } from '@/components/ui/relative-time';
import { DataTable, type TableColumn } from '@/components/ui/table';
import type { BuilderHistoryEntry } from '@/lib/request-builder/history';
import { RUN_FAILURES } from '@/lib/request-builder/run-failure';

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
        {Object.entries(entry.params).map(([name, value]) => (
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
    cell: (entry) => <Badge tone={resultTone(entry)}>{resultText(entry)}</Badge>,
  },
];

/** sendSMS's status when it answered; otherwise why the run has none (timed out, refused by the budget…). */
function resultText(entry: BuilderHistoryEntry): string {
  if (entry.upstreamStatus !== null) return `status ${entry.upstreamStatus}`;
  return entry.failure ? RUN_FAILURES[entry.failure] : entry.outcome;
}

function resultTone(entry: BuilderHistoryEntry): Tone {
  // The change may have happened: not shown as a failure.
  if (entry.failure === 'outcome-unknown') return 'info';
  return entry.outcome === 'success' && (entry.upstreamStatus ?? 0) >= 0 ? 'success' : 'danger';
}

/**
 * The requests made here, from the audit log, newest first, failed ones included, each one a click from being run
 * again, or saying why it cannot be (a read-only role and a request that changes a key, say).
 */
export function BuilderHistory({
  entries,
  onRunAgain,
  runAgainDenied,
}: {
  entries: BuilderHistoryEntry[];
  onRunAgain: (entry: BuilderHistoryEntry) => void;
  /** Why this entry cannot be run again here; null when it can. */
  runAgainDenied: (entry: BuilderHistoryEntry) => string | null;
}) {
  const runAgain: TableColumn<BuilderHistoryEntry> = {
    id: 'actions',
    header: 'Actions',
    hideHeader: true,
    cell: (entry) => (
      <DisabledWithReason reason={runAgainDenied(entry)} className="max-w-64">
        <Button variant="ghost" size="sm" onClick={() => onRunAgain(entry)}>
          Run again
        </Button>
      </DisabledWithReason>
    ),
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
