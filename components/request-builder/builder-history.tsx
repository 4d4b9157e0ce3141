import { useTranslations } from 'next-intl';

import { Badge, type Tone } from '@/components/ui/badge';
import { Button } from '@/components/ui/button';
import { DisabledWithReason } from '@/components/ui/disabled-with-reason';
import { RelativeTime } from '@/components/ui/relative-time';
import { DataTable, type TableColumn } from '@/components/ui/table';
import type { BuilderHistoryEntry } from '@/lib/request-builder/history';

type Translate = ReturnType<typeof useTranslations<'requestBuilder.history'>>;

function columns(t: Translate): TableColumn<BuilderHistoryEntry>[] {
  return [
    { id: 'when', header: t('when'), cell: (entry) => <RelativeTime date={entry.occurredAt} /> },
    { id: 'who', header: t('who'), cell: (entry) => entry.actorEmail ?? t('theDashboard') },
    { id: 'account', header: t('account'), cell: (entry) => entry.accountLabel ?? t('removedAccount') },
    {
      id: 'request',
      header: t('request'),
      cell: (entry) => (
        <>
          <code className="font-mono text-xs">{entry.action}</code>
          {Object.entries(entry.params).map(([name, value]) => (
            <span key={name} className="ml-2 font-mono text-xs text-zinc-600 dark:text-zinc-400">
              {parameterText(name, value)}
            </span>
          ))}
        </>
      ),
    },
    { id: 'key', header: t('key'), cell: (entry) => keyText(t, entry) },
    {
      id: 'result',
      header: t('result'),
      cell: (entry) => <Badge tone={resultTone(entry)}>{resultText(t, entry)}</Badge>,
    },
  ];
}

/** A cell with nothing in it: a mark, not a word. */
const NO_KEY = '—';

/** The key the request was made with: its name, "a removed key" when it is gone, a dash for a request without one. */
function keyText(t: Translate, entry: BuilderHistoryEntry): string {
  if (entry.keyName !== null) return entry.keyName;
  return entry.keyId === null ? NO_KEY : t('removedKey');
}

/** A parameter as sent: `ipaddr=198.51.100.30` (sendSMS's name and the value, not words). */
function parameterText(name: string, value: string): string {
  return `${name}=${value}`;
}

/** sendSMS's status when it answered; otherwise why the run has none (timed out, refused by the budget…). */
function resultText(t: Translate, entry: BuilderHistoryEntry): string {
  if (entry.upstreamStatus !== null) return t('status', { status: entry.upstreamStatus });
  return entry.failure ? t(`failure.${entry.failure}`) : t('outcome', { outcome: entry.outcome });
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
  /** Why this entry cannot be run again here, in the reader's language; null when it can. */
  runAgainDenied: (entry: BuilderHistoryEntry) => string | null;
}) {
  const t = useTranslations('requestBuilder.history');
  const runAgain: TableColumn<BuilderHistoryEntry> = {
    id: 'actions',
    header: t('actions'),
    hideHeader: true,
    cell: (entry) => (
      <DisabledWithReason reason={runAgainDenied(entry)} className="max-w-64">
        <Button variant="ghost" size="sm" onClick={() => onRunAgain(entry)}>
          {t('runAgain')}
        </Button>
      </DisabledWithReason>
    ),
  };
  return (
    <section aria-labelledby="history-title" className="grid gap-3">
      <h2 id="history-title" className="text-lg font-semibold">
        {t('title')}
      </h2>
      <DataTable label={t('tableLabel')} columns={[...columns(t), runAgain]} rows={entries} empty={t('empty')} />
    </section>
  );
}
