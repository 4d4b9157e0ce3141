import { useTranslations } from 'next-intl';

import { Badge } from '@/components/ui/badge';
import { RelativeTime } from '@/components/ui/relative-time';
import type { PendingChangeView } from '@/lib/keys/types';
import type { KeysTranslator } from './labels';
import { useProblemText } from './problem-text';

/**
 * Changes sent to sendSMS whose answer was lost (a timeout, a garbled reply, a crash): "outcome unknown, checking",
 * with who asked and when, until the dashboard has read sendSMS back and recorded what really happened. Never shown
 * as failed: the change may well have happened.
 */
export function PendingChanges({ changes }: { changes: PendingChangeView[] }) {
  const t = useTranslations('keys');
  const problemText = useProblemText();
  if (changes.length === 0) return null;
  return (
    <div
      role="status"
      data-testid="pending-changes"
      className="grid gap-2 rounded-md border border-blue-300 bg-blue-50 p-3 text-sm text-blue-900 dark:border-blue-800 dark:bg-blue-950 dark:text-blue-200"
    >
      <p className="font-medium">{t('pendingChanges.heading', { count: changes.length })}</p>
      <ul className="grid gap-1">
        {changes.map((change) => (
          <li key={change.id} className="flex flex-wrap items-center gap-2">
            <Badge tone="info">{t('pendingChanges.outcomeUnknown')}</Badge>
            <span className="font-medium">{changeSummary(t, change)}</span>
            <span>
              {change.requestedBy
                ? t.rich('pendingChanges.askedBy', {
                    who: change.requestedBy,
                    when: () => <RelativeTime date={change.requestedAt} />,
                  })
                : t.rich('pendingChanges.asked', { when: () => <RelativeTime date={change.requestedAt} /> })}
            </span>
            {change.lastCheckProblem ? (
              <span>{t('pendingChanges.lastCheck', { problem: problemText(change.lastCheckProblem) })}</span>
            ) : null}
          </li>
        ))}
      </ul>
    </div>
  );
}

/** What was asked, in the reader's language: the action, with the key's name or the address when recorded. */
export function changeSummary(t: KeysTranslator, change: Pick<PendingChangeView, 'action' | 'keyName' | 'ip'>): string {
  switch (change.action) {
    case 'generate':
      return change.keyName === null
        ? t('pendingChanges.generate')
        : t('pendingChanges.generateNamed', { name: change.keyName });
    case 'delete':
      return change.keyName === null
        ? t('pendingChanges.delete')
        : t('pendingChanges.deleteNamed', { name: change.keyName });
    case 'authorize-ip':
      return change.ip === null ? t('pendingChanges.authorize') : t('pendingChanges.authorizeIp', { ip: change.ip });
  }
}
