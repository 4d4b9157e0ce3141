import 'server-only';
import type { PrismaClient } from '@/lib/generated/prisma/client';
import { dayStart } from '@/lib/keys/usage-tally';

/**
 * The usage series' retention, run daily by the job queue: snapshots and uses per hour are kept 7 days (the detail
 * charts of a day or a week read), uses per day `retentionMonths` (charts over months read one row a key and day).
 * The days were counted as the collections went (lib/keys/usage-tally.ts), so pruning loses no total.
 */

export const DETAIL_KEPT_DAYS = 7;

export interface PruneReport {
  snapshots: number;
  hours: number;
  days: number;
}

export async function pruneUsage(prisma: PrismaClient, now: Date, retentionMonths: number): Promise<PruneReport> {
  const detailBefore = new Date(now.getTime() - DETAIL_KEPT_DAYS * 86_400_000);
  const daysBefore = dayStart(
    new Date(Date.UTC(now.getUTCFullYear(), now.getUTCMonth() - retentionMonths, now.getUTCDate())),
  );
  const [snapshots, hours, days] = await prisma.$transaction([
    prisma.usageSnapshot.deleteMany({ where: { takenAt: { lt: detailBefore } } }),
    prisma.usageHour.deleteMany({ where: { startsAt: { lt: detailBefore } } }),
    prisma.usageDay.deleteMany({ where: { day: { lt: daysBefore } } }),
  ]);
  return { snapshots: snapshots.count, hours: hours.count, days: days.count };
}
