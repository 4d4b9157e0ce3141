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
  id: string;
  applies(key: BadgeInput, now: Date): boolean;
  view(key: BadgeInput, now: Date): Omit<StatusBadgeView, 'id'>;
}

export const STATUS_BADGE_RULES: readonly BadgeRule[] = [
  {
    // First: a key nobody saw being made may be in anyone's hands, which matters more than how it is used.
    id: 'secret-shown-to-nobody',
    applies: (key) => Boolean(key.secretUnseenAt),
    view: () => ({
      label: 'compromised: secret shown to nobody',
      tone: 'danger',
      detail:
        'sendSMS made this key, but the answer carrying its secret was lost, so nobody here saw it. Treat the key as compromised: delete it and generate another.',
    }),
  },
  {
    id: 'refused',
    applies: (key) => (key.refusedCount ?? 0) > 0,
    view: (key) => ({
      label: 'refused calls',
      tone: 'danger',
      detail: `sendSMS refused ${key.refusedCount} call${key.refusedCount === 1 ? '' : 's'} with this key${
        key.lastRefusedIp ? `, the last from ${key.lastRefusedIp}` : ''
      }${key.lastRefusedAt ? ` at ${key.lastRefusedAt.toISOString()}` : ''}. Authorize the address if it is yours.`,
    }),
  },
  {
    id: 'idle',
    applies: (key, now) => isIdle(key, now),
    view: () => ({
      label: `idle ${IDLE_DAYS} days`,
      tone: 'warning',
      detail: `Not used in the last ${IDLE_DAYS} days. If nothing needs it any more, delete it.`,
    }),
  },
  {
    id: 'awaiting-first-use',
    applies: (key) => key.kind === 'DEFAULT' && key.lockedAt === null && key.lastUsedAt === null,
    view: () => ({
      label: 'awaiting first use',
      tone: 'info',
      detail: 'This Default key will lock to the IP address of the first request made with it.',
    }),
  },
  {
    id: 'secret-not-held',
    applies: (key) => !key.secretHeld,
    view: () => ({
      label: 'secret not held',
      tone: 'neutral',
      detail: 'The dashboard does not hold this key, so it cannot fetch its IP list or authorize addresses for it.',
    }),
  },
];

export function isIdle(key: Pick<BadgeInput, 'lastUsedAt' | 'createdAt'>, now: Date): boolean {
  const cutoff = now.getTime() - IDLE_DAYS * DAY;
  // A key created in the last 30 days and never used is new, not idle.
  return key.lastUsedAt ? key.lastUsedAt.getTime() < cutoff : key.createdAt.getTime() < cutoff;
}

export function statusBadges(key: BadgeInput, now: Date): StatusBadgeView[] {
  return STATUS_BADGE_RULES.filter((rule) => rule.applies(key, now)).map((rule) => ({
    id: rule.id,
    ...rule.view(key, now),
  }));
}
