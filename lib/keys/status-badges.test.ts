import { describe, expect, it } from 'vitest';
import { statusBadges, type BadgeInput } from '@/lib/keys/status-badges';

const now = new Date('2026-11-22T12:00:00Z');
const DAY = 86_400_000;
const base: BadgeInput = {
  kind: 'DEFAULT',
  createdAt: new Date(now.getTime() - 100 * DAY),
  lockedAt: new Date(now.getTime() - 99 * DAY),
  lastUsedAt: new Date(now.getTime() - 60_000),
  useCount: 12,
  refusedCount: 0,
  lastRefusedIp: null,
  lastRefusedAt: null,
  secretHeld: true,
};

describe('status badges', () => {
  it('shows none for a healthy key in daily use', () => {
    expect(statusBadges(base, now)).toEqual([]);
  });

  it('puts refused calls before idle, naming the refused address', () => {
    const badges = statusBadges(
      {
        ...base,
        lastUsedAt: new Date(now.getTime() - 40 * DAY),
        refusedCount: 2,
        lastRefusedIp: '198.51.100.20',
        lastRefusedAt: now,
      },
      now,
    );
    // Data the page words: what each badge is, and the values its sentence names.
    expect(badges).toEqual([
      {
        id: 'refused',
        tone: 'danger',
        count: 2,
        lastRefusedIp: '198.51.100.20',
        lastRefusedAt: now.toISOString(),
      },
      { id: 'idle', tone: 'warning', days: 30 },
    ]);
  });

  it('counts a never-used key as idle only once it is older than 30 days', () => {
    const fresh = { ...base, lastUsedAt: null, lockedAt: null, createdAt: new Date(now.getTime() - 2 * DAY) };
    expect(statusBadges(fresh, now).map((badge) => badge.id)).toEqual(['awaiting-first-use']);
    expect(
      statusBadges({ ...fresh, createdAt: new Date(now.getTime() - 31 * DAY) }, now).map((badge) => badge.id),
    ).toEqual(['idle', 'awaiting-first-use']);
  });

  it('never says a Cloud key awaits its first use, and flags keys whose secret the dashboard lacks', () => {
    expect(
      statusBadges(
        { ...base, kind: 'CLOUD', lockedAt: null, lastUsedAt: null, createdAt: now, secretHeld: false },
        now,
      ).map((badge) => badge.id),
    ).toEqual(['secret-not-held']);
  });

  it('puts a key whose secret was shown to nobody first, as compromised', () => {
    const badges = statusBadges({ ...base, refusedCount: 1, secretUnseenAt: now }, now);
    expect(badges.map((badge) => badge.id)).toEqual(['secret-shown-to-nobody', 'refused']);
    expect(badges[0]).toEqual({ id: 'secret-shown-to-nobody', tone: 'danger' });
  });
});
