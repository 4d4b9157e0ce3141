import Link from 'next/link';
import { useFormatter, useTranslations } from 'next-intl';

import { useProblemText } from '@/components/keys/problem-text';
import type { UsageAttentionView } from '@/lib/usage/types';

/** Credential health across the accounts: what a person should act on, each in a sentence with its account. */

type Translate = ReturnType<typeof useTranslations<'usage.attention'>>;
type Format = ReturnType<typeof useFormatter>;
type ProblemWords = ReturnType<typeof useProblemText>;

/** The sendSMS action whose absence means usage is not reported: a name, not a word. */
const USAGE_ACTION = 'token_list';

function sentence(item: UsageAttentionView, t: Translate, format: Format, problemText: ProblemWords): string {
  switch (item.kind) {
    case 'password-expired':
      return t('passwordExpired', { days: item.ageDays });
    case 'password-expiring':
      return t('passwordExpiring', { days: item.daysLeft });
    case 'collection-failing': {
      const failed = t('collectionFailing', {
        count: item.failureCount,
        problem: item.lastProblem ? problemText(item.lastProblem) : t('noReason'),
      });
      const retry = item.nextRunAt
        ? t('retryAt', {
            time: format.dateTime(new Date(item.nextRunAt), {
              hour: '2-digit',
              minute: '2-digit',
              hourCycle: 'h23',
              timeZoneName: 'short',
            }),
          })
        : t('retryLater');
      return `${failed} ${retry}`;
    }
    case 'usage-not-reported':
      return t('usageNotReported', { action: USAGE_ACTION });
  }
}

export function UsageAttention({ items }: { items: UsageAttentionView[] }) {
  const t = useTranslations('usage.attention');
  const format = useFormatter();
  const problemText = useProblemText();
  if (items.length === 0)
    return (
      <p className="text-sm text-zinc-600 dark:text-zinc-400" data-testid="attention-none">
        {t('none')}
      </p>
    );
  return (
    <ul className="grid gap-2" data-testid="attention">
      {items.map((item) => (
        <li
          key={`${item.accountId}-${item.kind}`}
          className={
            item.kind === 'usage-not-reported'
              ? 'rounded-md border border-zinc-200 p-3 text-sm dark:border-zinc-800'
              : 'rounded-md border border-amber-300 bg-amber-50 p-3 text-sm text-amber-900 dark:border-amber-800 dark:bg-amber-950 dark:text-amber-200'
          }
        >
          {t.rich('item', {
            account: item.accountLabel,
            link: (chunks) => (
              <Link href={`/accounts/${item.accountId}/api-keys`} className="font-medium underline">
                {chunks}
              </Link>
            ),
            message: sentence(item, t, format, problemText),
          })}
        </li>
      ))}
    </ul>
  );
}
