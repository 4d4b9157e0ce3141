import { Badge } from '@/components/ui/badge';
import { RelativeTime } from '@/components/ui/relative-time';
import type { PendingChangeView } from '@/lib/keys/types';

/**
 * Changes sent to sendSMS whose answer was lost (a timeout, a garbled reply, a crash): "outcome unknown, checking",
 * with who asked and when, until the dashboard has read sendSMS back and recorded what really happened. Never shown
 * as failed: the change may well have happened.
 */
export function PendingChanges({ changes }: { changes: PendingChangeView[] }) {
  if (changes.length === 0) return null;
  return (
    <div
      role="status"
      data-testid="pending-changes"
      className="grid gap-2 rounded-md border border-blue-300 bg-blue-50 p-3 text-sm text-blue-900 dark:border-blue-800 dark:bg-blue-950 dark:text-blue-200"
    >
      <p className="font-medium">
        {changes.length === 1 ? 'A change' : `${changes.length} changes`} sent to sendSMS without a clear answer: the
        dashboard is reading sendSMS back to learn what happened.
      </p>
      <ul className="grid gap-1">
        {changes.map((change) => (
          <li key={change.id} className="flex flex-wrap items-center gap-2">
            <Badge tone="info">{change.label}</Badge>
            <span className="font-medium">{change.summary}</span>
            <span>
              {change.requestedBy ? `asked by ${change.requestedBy}, ` : 'asked '}
              <RelativeTime date={change.requestedAt} />
            </span>
            {change.lastCheckProblem ? <span>(last check: {change.lastCheckProblem})</span> : null}
          </li>
        ))}
      </ul>
    </div>
  );
}
