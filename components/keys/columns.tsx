'use client';

import Link from 'next/link';
import { useFormatter, useTranslations } from 'next-intl';

import { Badge } from '@/components/ui/badge';
import { RelativeTime } from '@/components/ui/relative-time';
import { Tooltip } from '@/components/ui/tooltip';
import type { TableColumn } from '@/components/ui/table';
import type { KeySort } from '@/lib/keys/list-query';
import type { KeyRowView, StatusBadgeView } from '@/lib/keys/types';
import { Sparkline } from '@/components/ui/sparkline';
import { CopyButton } from './copy-button';
import { formatUseCount, kindLabel, usageLabelName, type Formatter, type KeysTranslator } from './labels';

/** The keys table's columns as data: header, the sort it offers, and how a cell shows a key. */

export function LockedIpList({ keyRow }: { keyRow: KeyRowView }) {
  const t = useTranslations('keys.columns');
  if (keyRow.lockedIps.length === 0) return <span className="text-zinc-500 dark:text-zinc-400">{t('noneYet')}</span>;
  return (
    <ul className="grid gap-0.5 font-mono text-xs">
      {keyRow.lockedIps.map((ip) => (
        <li key={ip.address} className="flex items-center gap-1.5">
          {ip.address}
          {ip.informative ? (
            <Tooltip content={t('informativeHint')}>
              <span
                tabIndex={0}
                className="cursor-help font-sans text-[11px] text-zinc-500 underline decoration-dotted dark:text-zinc-400"
              >
                {t('informative')}
              </span>
            </Tooltip>
          ) : null}
        </li>
      ))}
    </ul>
  );
}

export function LockState({ keyRow }: { keyRow: KeyRowView }) {
  const t = useTranslations('keys.columns');
  if (keyRow.kind === 'CLOUD') return <span className="text-zinc-500 dark:text-zinc-400">{t('notLockedCloud')}</span>;
  if (!keyRow.lockedAt) return <span>{t('awaitingFirstUse')}</span>;
  return <RelativeTime date={keyRow.lockedAt} prefix={t('lockedSince')} />;
}

/** The visible fragment of a key's secret, with a button that copies it. */
export function KeyFragment({ fragment, copyLabel, small }: { fragment: string; copyLabel: string; small?: boolean }) {
  return (
    <span className="flex items-center gap-1">
      <code className={small ? 'font-mono text-xs' : 'font-mono'}>{fragment}</code>
      <CopyButton text={fragment} label={copyLabel} />
    </span>
  );
}

/** A badge's words in the reader's language, from its id and the values it carries (lib/keys/status-badges.ts). */
export function badgeText(
  t: KeysTranslator,
  format: Formatter,
  badge: StatusBadgeView,
): { label: string; detail: string } {
  switch (badge.id) {
    case 'secret-shown-to-nobody':
      return { label: t('badges.secretShownToNobody.label'), detail: t('badges.secretShownToNobody.detail') };
    case 'refused':
      return {
        label: t('badges.refused.label'),
        detail: t('badges.refused.detail', {
          count: badge.count,
          ip: badge.lastRefusedIp ?? 'none',
          at: badge.lastRefusedAt ? format.dateTime(new Date(badge.lastRefusedAt), 'exactWithZone') : 'none',
        }),
      };
    case 'idle':
      return {
        label: t('badges.idle.label', { days: badge.days }),
        detail: t('badges.idle.detail', { days: badge.days }),
      };
    case 'awaiting-first-use':
      return { label: t('badges.awaitingFirstUse.label'), detail: t('badges.awaitingFirstUse.detail') };
    case 'secret-not-held':
      return { label: t('badges.secretNotHeld.label'), detail: t('badges.secretNotHeld.detail') };
  }
}

/** A key's status badges, each explained on hover and focus. */
export function KeyBadges({ keyRow }: { keyRow: KeyRowView }) {
  const t = useTranslations('keys');
  const format = useFormatter();
  return keyRow.badges.map((badge) => {
    const { label, detail } = badgeText(t, format, badge);
    return (
      <Tooltip key={badge.id} content={detail}>
        <Badge tone={badge.tone} tabIndex={0}>
          {label}
        </Badge>
      </Tooltip>
    );
  });
}

/** "not reported by the API" when sendSMS gives no usage for the account (no token_list), else when it was. */
export function LastUsed({ keyRow }: { keyRow: KeyRowView }) {
  const t = useTranslations('keys');
  if (keyRow.useCount === null && !keyRow.lastUsedAt)
    return <span className="text-zinc-500 dark:text-zinc-400">{t('notReported')}</span>;
  return <RelativeTime date={keyRow.lastUsedAt} />;
}

export function keyColumns(
  t: KeysTranslator,
  format: Formatter,
  accountId: string,
  recentUses: Readonly<Record<string, number[]>>,
): TableColumn<KeyRowView, KeySort>[] {
  return [
    {
      id: 'name',
      header: t('columns.name'),
      sort: 'name',
      cell: (key) => (
        <Link
          href={`/accounts/${accountId}/api-keys/${key.id}`}
          className="font-medium text-blue-700 hover:underline dark:text-blue-400"
        >
          {key.name}
        </Link>
      ),
    },
    {
      id: 'kind',
      header: t('columns.kind'),
      sort: 'kind',
      cell: (key) => (
        <span className="grid gap-0.5">
          <span>{kindLabel(t, key.kind)}</span>
          <span className="text-xs text-zinc-500 dark:text-zinc-400">
            {t('columns.usage', { label: usageLabelName(t, key.usageLabel) })}
          </span>
        </span>
      ),
    },
    {
      id: 'fragment',
      header: t('columns.key'),
      sort: 'fragment',
      cell: (key) => (
        <KeyFragment fragment={key.fragment} copyLabel={t('columns.copyFragmentOf', { name: key.name })} small />
      ),
    },
    {
      id: 'created',
      header: t('columns.created'),
      sort: 'created',
      cell: (key) => <RelativeTime date={key.createdAt} />,
    },
    {
      id: 'lockedIps',
      header: t('columns.lockedIps'),
      sort: 'lockedIps',
      cell: (key) => <LockedIpList keyRow={key} />,
    },
    {
      id: 'lockState',
      header: t('columns.lockState'),
      sort: 'lockState',
      cell: (key) => <LockState keyRow={key} />,
    },
    { id: 'lastUsed', header: t('columns.lastUsed'), sort: 'lastUsed', cell: (key) => <LastUsed keyRow={key} /> },
    {
      id: 'useCount',
      header: t('columns.useCount'),
      sort: 'useCount',
      align: 'end',
      className: 'tabular-nums',
      // The count, and under it the last 7 days of uses per day: a key that stopped being used stands out.
      cell: (key) => (
        <span className="grid justify-items-end gap-1">
          {formatUseCount(t, format, key.useCount)}
          {recentUses[key.id] ? (
            <Sparkline uses={recentUses[key.id]!} label={t('columns.usesPerDay', { name: key.name })} />
          ) : null}
        </span>
      ),
    },
    {
      id: 'status',
      header: t('columns.status'),
      sort: 'refusals',
      cell: (key) => (
        <span className="flex flex-wrap gap-1">
          <KeyBadges keyRow={key} />
        </span>
      ),
    },
  ];
}
