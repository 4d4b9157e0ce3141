import { useTranslations } from 'next-intl';

import { DisabledWithReason } from '@/components/ui/disabled-with-reason';
import { RelativeTime } from '@/components/ui/relative-time';
import type { KeyDetailView } from '@/lib/keys/types';
import { DeleteKeyDialog } from './delete-key-dialog';

/**
 * A key sendSMS made while the answer carrying its secret was lost: nobody here saw the secret, so nothing vouches
 * for where it went. The page says so and offers the delete action at once.
 */
export function CompromisedNotice({ detail, manageDenied }: { detail: KeyDetailView; manageDenied: string | null }) {
  const t = useTranslations('keys.compromised');
  const { secretUnseenAt } = detail.key;
  if (!secretUnseenAt) return null;
  return (
    <div
      role="alert"
      data-testid="compromised-notice"
      className="grid gap-2 rounded-md border border-red-300 bg-red-50 p-3 text-sm text-red-900 dark:border-red-800 dark:bg-red-950 dark:text-red-200"
    >
      <p className="font-medium">{t('title')}</p>
      <p>{t.rich('body', { when: () => <RelativeTime date={secretUnseenAt} /> })}</p>
      <span>
        <DisabledWithReason reason={manageDenied}>
          <DeleteKeyDialog detail={detail} />
        </DisabledWithReason>
      </span>
    </div>
  );
}
