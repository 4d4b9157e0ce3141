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
  const daysBefore = monthsBefore(now, retentionMonths);
  const [snapshots, hours, days] = await prisma.$transaction([
    prisma.usageSnapshot.deleteMany({ where: { takenAt: { lt: detailBefore } } }),
    prisma.usageHour.deleteMany({ where: { startsAt: { lt: detailBefore } } }),
    prisma.usageDay.deleteMany({ where: { day: { lt: daysBefore } } }),
  ]);
  return { snapshots: snapshots.count, hours: hours.count, days: days.count };
}

/**
 * UTC midnight of the same day `months` calendar months before `now`, the day clamped to the end of a shorter month
 * (13 months before 31 March is 28 or 29 February, not 3 March, which would drop three days still within the months).
 */
export function monthsBefore(now: Date, months: number): Date {
  const month = new Date(Date.UTC(now.getUTCFullYear(), now.getUTCMonth() - months, 1));
  const lastDay = new Date(Date.UTC(month.getUTCFullYear(), month.getUTCMonth() + 1, 0)).getUTCDate();
  return dayStart(new Date(Date.UTC(month.getUTCFullYear(), month.getUTCMonth(), Math.min(now.getUTCDate(), lastDay))));
}
