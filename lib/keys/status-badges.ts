import { IDLE_DAYS } from '@/lib/keys/list-query';
import type { StatusBadgeView } from '@/lib/keys/types';
import type { KeyKind } from '@/lib/generated/prisma/enums';

/**
 * A key's status badges as data, in priority order: the first rule that matters most (a refused call means an
 * integration is failing right now) comes first, so the list can show the first one or two where space is short.
 */

const DAY = 24 * 60 * 60 * 1000;

export interface BadgeInput {
  kind: KeyKind;
  createdAt: Date;
  lockedAt: Date | null;
  lastUsedAt: Date | null;
  useCount: number | null;
  refusedCount: number | null;
  lastRefusedIp: string | null;
  lastRefusedAt: Date | null;
  secretHeld: boolean;
  /** Set when sendSMS made the key while the answer carrying its secret was lost. */
  secretUnseenAt?: Date | null;
}

interface BadgeRule {
  id: StatusBadgeView['id'];
  applies(key: BadgeInput, now: Date): boolean;
  view(key: BadgeInput, now: Date): StatusBadgeView;
}

/**
 * Each badge says what it is by its id and carries the values its words name; the page words it in the reader's
 * language (keys.badges.*, components/keys/columns.tsx).
 */
export const STATUS_BADGE_RULES: readonly BadgeRule[] = [
  {
    // First: a key nobody saw being made may be in anyone's hands, which matters more than how it is used.
    id: 'secret-shown-to-nobody',
    applies: (key) => Boolean(key.secretUnseenAt),
    view: () => ({ id: 'secret-shown-to-nobody', tone: 'danger' }),
  },
  {
    id: 'refused',
    applies: (key) => (key.refusedCount ?? 0) > 0,
    view: (key) => ({
      id: 'refused',
      tone: 'danger',
      count: key.refusedCount ?? 0,
      lastRefusedIp: key.lastRefusedIp,
      lastRefusedAt: key.lastRefusedAt?.toISOString() ?? null,
    }),
  },
  {
    id: 'idle',
    applies: (key, now) => isIdle(key, now),
    view: () => ({ id: 'idle', tone: 'warning', days: IDLE_DAYS }),
  },
  {
    id: 'awaiting-first-use',
    applies: (key) => key.kind === 'DEFAULT' && key.lockedAt === null && key.lastUsedAt === null,
    view: () => ({ id: 'awaiting-first-use', tone: 'info' }),
  },
  {
    id: 'secret-not-held',
    applies: (key) => !key.secretHeld,
    view: () => ({ id: 'secret-not-held', tone: 'neutral' }),
  },
];

export function isIdle(key: Pick<BadgeInput, 'lastUsedAt' | 'createdAt'>, now: Date): boolean {
  const cutoff = now.getTime() - IDLE_DAYS * DAY;
  // A key created in the last 30 days and never used is new, not idle.
  return key.lastUsedAt ? key.lastUsedAt.getTime() < cutoff : key.createdAt.getTime() < cutoff;
}

export function statusBadges(key: BadgeInput, now: Date): StatusBadgeView[] {
  return STATUS_BADGE_RULES.filter((rule) => rule.applies(key, now)).map((rule) => rule.view(key, now));
}
