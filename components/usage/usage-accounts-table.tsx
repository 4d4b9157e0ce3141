import Link from 'next/link';
import { useFormatter, useTranslations } from 'next-intl';

import { useProblemText } from '@/components/keys/problem-text';
import { Badge } from '@/components/ui/badge';
import { RelativeTime } from '@/components/ui/relative-time';
import { DataTable, type TableColumn } from '@/components/ui/table';
import { USAGE_CADENCE_MS } from '@/lib/keys/collection-state';
import type { UsageFilter } from '@/lib/usage/usage-filter';
import { usageHref } from '@/lib/usage/usage-filter-params';
import type { UsageAccountView } from '@/lib/usage/types';

/** Each account of the view: its uses in the range, its last use, and how its collection and credential are doing. */

type Translate = ReturnType<typeof useTranslations<'usage'>>;
type Format = ReturnType<typeof useFormatter>;
type ProblemWords = ReturnType<typeof useProblemText>;

const muted = 'text-zinc-600 dark:text-zinc-400';

function collectionCell(account: UsageAccountView, t: Translate, problemText: ProblemWords) {
  if (account.usageReported === 'unsupported')
    return <Badge tone="neutral">{t('accountsTable.usageNotReported')}</Badge>;
  const { collection } = account;
  if (!collection)
    return (
      <span className={muted}>{t('accountsTable.firstCollectionPending', { minutes: USAGE_CADENCE_MS / 60_000 })}</span>
    );
  if (collection.failureCount > 0)
    return (
      <span className="grid gap-0.5">
        <Badge tone="danger">{t('accountsTable.failing', { count: collection.failureCount })}</Badge>
        {collection.lastProblem ? (
          <span className={`text-xs ${muted}`}>{problemText(collection.lastProblem)}</span>
        ) : null}
      </span>
    );
  return (
    <span className="text-sm">
      <RelativeTime
        date={collection.lastSucceededAt}
        prefix={t('accountsTable.collectedPrefix')}
        fallback={t('accountsTable.notYetCollected')}
      />
    </span>
  );
}

function columns(
  filter: UsageFilter,
  t: Translate,
  format: Format,
  problemText: ProblemWords,
): TableColumn<UsageAccountView>[] {
  return [
    {
      id: 'account',
      header: t('accountsTable.account'),
      cell: (account) => (
        <span className="grid">
          <Link
            href={usageHref('/usage', { ...filter, accountId: account.id })}
            className="font-medium text-blue-700 hover:underline dark:text-blue-400"
          >
            {account.label}
          </Link>
          <span className={`text-xs ${muted}`}>{account.username}</span>
        </span>
      ),
    },
    {
      id: 'keys',
      header: t('accountsTable.keys'),
      align: 'end',
      className: 'tabular-nums',
      cell: (account) => format.number(account.keyCount),
    },
    {
      id: 'uses',
      header: t('accountsTable.usesIn', { range: t(`ranges.${filter.range}`) }),
      align: 'end',
      className: 'tabular-nums',
      cell: (account) => format.number(account.usesInRange),
    },
    {
      id: 'lastUsed',
      header: t('accountsTable.lastUse'),
      cell: (account) => <RelativeTime date={account.lastUsedAt} />,
    },
    {
      id: 'collection',
      header: t('accountsTable.collection'),
      cell: (account) => collectionCell(account, t, problemText),
    },
    {
      id: 'credential',
      header: t('accountsTable.credential'),
      cell: (account) => (
        <Badge
          tone={
            account.credential.state === 'expired'
              ? 'danger'
              : account.credential.state === 'expiring'
                ? 'warning'
                : 'neutral'
          }
        >
          {t('accountsTable.credentialAge', { kind: account.credential.kind, days: account.credential.ageDays })}
        </Badge>
      ),
    },
  ];
}

export function UsageAccountsTable({ filter, accounts }: { filter: UsageFilter; accounts: UsageAccountView[] }) {
  const t = useTranslations('usage');
  const format = useFormatter();
  const problemText = useProblemText();
  return (
    <DataTable
      label={t('accountsTable.label')}
      columns={columns(filter, t, format, problemText)}
      rows={accounts}
      empty={t('accountsTable.empty')}
    />
  );
}
