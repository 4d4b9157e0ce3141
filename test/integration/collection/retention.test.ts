import { describe, expect, it } from 'vitest';
import { DETAIL_KEPT_DAYS, pruneUsage } from '@/lib/usage/retention';
import { collectionWorld } from '@/test/integration/collection/support/collection-world';

/**
 * The daily retention job's work (lib/usage/retention.ts), in a database of its own since it prunes every key's
 * series: snapshots and hours older than 7 days go, days older than USAGE_RETENTION_MONTHS go, nothing newer does,
 * and the days keep the total uses that the pruned detail had.
 */

const world = collectionWorld({ schema: 'collection_retention' });
const DAY = 86_400_000;

describe('pruneUsage', () => {
  it('removes detail past 7 days and days past the retention, and nothing else', async () => {
    const account = await world.createAccount();
    const key = await world.prisma.apiKey.create({
      data: {
        accountId: account.accountId,
        name: 'Series',
        kind: 'CLOUD',
        usageLabel: 'CLOUD',
        fragment: '…0001',
        secretFingerprint: 'retention-fingerprint',
        origin: 'GENERATED',
      },
    });
    const now = new Date('2026-03-31T12:00:00Z');
    const detailEdge = new Date(now.getTime() - DETAIL_KEPT_DAYS * DAY);
    const ids = { keyId: key.id };
    await world.prisma.usageSnapshot.createMany({
      data: [
        { ...ids, takenAt: new Date(detailEdge.getTime() - 1), useCount: 10, collectionId: 'old' },
        { ...ids, takenAt: detailEdge, useCount: 12, collectionId: 'edge' },
        { ...ids, takenAt: new Date(now.getTime() - 3_600_000), useCount: 15, collectionId: 'recent' },
      ],
    });
    const withAccount = { ...ids, accountId: account.accountId };
    await world.prisma.usageHour.createMany({
      data: [
        { ...withAccount, startsAt: new Date('2026-03-24T11:00:00Z'), uses: 1 },
        { ...withAccount, startsAt: new Date('2026-03-24T12:00:00Z'), uses: 2 },
        { ...withAccount, startsAt: new Date('2026-03-31T11:00:00Z'), uses: 3 },
      ],
    });
    // 13 months before 31 March 2026 is 28 February 2025.
    await world.prisma.usageDay.createMany({
      data: [
        { ...withAccount, day: new Date('2025-02-27T00:00:00Z'), uses: 4 },
        { ...withAccount, day: new Date('2025-02-28T00:00:00Z'), uses: 5 },
        { ...withAccount, day: new Date('2025-03-02T00:00:00Z'), uses: 6 },
        { ...withAccount, day: new Date('2026-03-24T00:00:00Z'), uses: 3 },
        { ...withAccount, day: new Date('2026-03-31T00:00:00Z'), uses: 3 },
      ],
    });

    expect(await pruneUsage(world.prisma, now, 13)).toEqual({ snapshots: 1, hours: 1, days: 1 });

    const snapshots = await world.prisma.usageSnapshot.findMany({ where: ids, orderBy: { takenAt: 'asc' } });
    expect(snapshots.map((snapshot) => snapshot.collectionId)).toEqual(['edge', 'recent']);
    const hours = await world.prisma.usageHour.findMany({ where: ids, orderBy: { startsAt: 'asc' } });
    expect(hours.map((hour) => hour.startsAt.toISOString())).toEqual([
      '2026-03-24T12:00:00.000Z',
      '2026-03-31T11:00:00.000Z',
    ]);
    const days = await world.prisma.usageDay.findMany({ where: ids, orderBy: { day: 'asc' } });
    expect(days.map((day) => day.day.toISOString().slice(0, 10))).toEqual([
      '2025-02-28',
      '2025-03-02',
      '2026-03-24',
      '2026-03-31',
    ]);

    // A second run the same day finds nothing more to remove.
    expect(await pruneUsage(world.prisma, now, 13)).toEqual({ snapshots: 0, hours: 0, days: 0 });
  });
});
