'use client';

import Link from 'next/link';

import { Badge } from '@/components/ui/badge';
import { RelativeTime } from '@/components/ui/relative-time';
import { Tooltip } from '@/components/ui/tooltip';
import type { TableColumn } from '@/components/ui/table';
import type { KeySort } from '@/lib/keys/list-query';
import type { KeyRowView } from '@/lib/keys/types';
import { Sparkline } from '@/components/ui/sparkline';
import { CopyButton } from './copy-button';
import { KIND_LABELS, USAGE_LABEL_NAMES, formatCount } from './labels';

/** The keys table's columns as data: header, the sort it offers, and how a cell shows a key. */

export function LockedIpList({ keyRow }: { keyRow: KeyRowView }) {
  if (keyRow.lockedIps.length === 0) return <span className="text-zinc-500 dark:text-zinc-400">none yet</span>;
  return (
    <ul className="grid gap-0.5 font-mono text-xs">
      {keyRow.lockedIps.map((ip) => (
        <li key={ip.address} className="flex items-center gap-1.5">
          {ip.address}
          {ip.informative ? (
            <Tooltip content="Cloud keys record the first IP that used them, for information only: nothing is restricted.">
              <span
                tabIndex={0}
                className="cursor-help font-sans text-[11px] text-zinc-500 underline decoration-dotted dark:text-zinc-400"
              >
                informative
              </span>
            </Tooltip>
          ) : null}
        </li>
      ))}
    </ul>
  );
}

export function LockState({ keyRow }: { keyRow: KeyRowView }) {
  if (keyRow.kind === 'CLOUD') return <span className="text-zinc-500 dark:text-zinc-400">not locked (Cloud)</span>;
  if (!keyRow.lockedAt) return <span>awaiting first use</span>;
  return <RelativeTime date={keyRow.lockedAt} prefix="locked since " />;
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

/** A key's status badges, each explained on hover and focus. */
export function KeyBadges({ badges }: { badges: KeyRowView['badges'] }) {
  return badges.map((badge) => (
    <Tooltip key={badge.id} content={badge.detail}>
      <Badge tone={badge.tone} tabIndex={0}>
        {badge.label}
      </Badge>
    </Tooltip>
  ));
}

/** "not reported by the API" when sendSMS gives no usage for the account (no token_list), else when it was. */
export function LastUsed({ keyRow }: { keyRow: KeyRowView }) {
  if (keyRow.useCount === null && !keyRow.lastUsedAt)
    return <span className="text-zinc-500 dark:text-zinc-400">not reported by the API</span>;
  return <RelativeTime date={keyRow.lastUsedAt} />;
}

export function keyColumns(
  accountId: string,
  recentUses: Readonly<Record<string, number[]>>,
): TableColumn<KeyRowView, KeySort>[] {
  return [
    {
      id: 'name',
      header: 'Name',
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
      header: 'Kind',
      sort: 'kind',
      cell: (key) => (
        <span className="grid gap-0.5">
          <span>{KIND_LABELS[key.kind]}</span>
          <span className="text-xs text-zinc-500 dark:text-zinc-400">usage: {USAGE_LABEL_NAMES[key.usageLabel]}</span>
        </span>
      ),
    },
    {
      id: 'fragment',
      header: 'Key',
      sort: 'fragment',
      cell: (key) => <KeyFragment fragment={key.fragment} copyLabel={`Copy the fragment of ${key.name}`} small />,
    },
    { id: 'created', header: 'Created', sort: 'created', cell: (key) => <RelativeTime date={key.createdAt} /> },
    { id: 'lockedIps', header: 'Locked On IP', sort: 'lockedIps', cell: (key) => <LockedIpList keyRow={key} /> },
    { id: 'lockState', header: 'Lock state', sort: 'lockState', cell: (key) => <LockState keyRow={key} /> },
    { id: 'lastUsed', header: 'Last used', sort: 'lastUsed', cell: (key) => <LastUsed keyRow={key} /> },
    {
      id: 'useCount',
      header: 'Use count',
      sort: 'useCount',
      align: 'end',
      className: 'tabular-nums',
      // The count, and under it the last 7 days of uses per day: a key that stopped being used stands out.
      cell: (key) => (
        <span className="grid justify-items-end gap-1">
          {formatCount(key.useCount)}
          {recentUses[key.id] ? (
            <Sparkline uses={recentUses[key.id]!} label={`Uses of ${key.name} per day in the last 7 days`} />
          ) : null}
        </span>
      ),
    },
    {
      id: 'status',
      header: 'Status',
      sort: 'refusals',
      cell: (key) => (
        <span className="flex flex-wrap gap-1">
          <KeyBadges badges={key.badges} />
        </span>
      ),
    },
  ];
}
