import type { Prisma, PrismaClient } from '@/lib/generated/prisma/client';

type Db = PrismaClient | Prisma.TransactionClient;

/**
 * Uses per hour and per day (UsageHour, UsageDay): how much a key's use count grew between two collections, counted
 * in the hour and the UTC day of the later one. Charts read these, not the cumulative counter, so that a year of a
 * key is one row a day; the snapshots they come from are kept 7 days (lib/usage/retention.ts).
 */

const HOUR_MS = 3_600_000;
const DAY_MS = 86_400_000;

export function hourStart(at: Date): Date {
  return new Date(Math.floor(at.getTime() / HOUR_MS) * HOUR_MS);
}

export function dayStart(at: Date): Date {
  return new Date(Math.floor(at.getTime() / DAY_MS) * DAY_MS);
}

/**
 * How many uses a new count adds to the last one: none when either is unknown, or when the count went down (sendSMS
 * started counting again): the new count is then the baseline, and no use is made up.
 */
export function usesBetween(previous: number | null, next: number | null): number {
  if (previous === null || next === null) return 0;
  return Math.max(0, next - previous);
}

/** Adds `uses` to the key's hour and day. Call inside the transaction that holds the key row (no double count). */
export async function addUses(db: Db, key: { keyId: string; accountId: string }, uses: number, at: Date) {
  if (uses <= 0) return;
  const startsAt = hourStart(at);
  const day = dayStart(at);
  await db.usageHour.upsert({
    where: { keyId_startsAt: { keyId: key.keyId, startsAt } },
    create: { ...key, startsAt, uses },
    update: { uses: { increment: uses } },
  });
  await db.usageDay.upsert({
    where: { keyId_day: { keyId: key.keyId, day } },
    create: { ...key, day, uses },
    update: { uses: { increment: uses } },
  });
}
