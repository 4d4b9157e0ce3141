import 'server-only';
import type { Prisma, PrismaClient } from '@/lib/generated/prisma/client';

/**
 * Failed sign-ins are counted in Postgres, per email and per source IP, over a sliding window, so that the limit
 * holds across restarts and across every process of the dashboard.
 */

type Db = Pick<PrismaClient, 'signInAttempt'> | Prisma.TransactionClient;

export interface SignInLimit {
  maxFailures: number;
  windowMinutes: number;
}

export type LimitVerdict = { locked: false } | { locked: true; retryAfterMinutes: number; by: 'email' | 'source IP' };

export async function checkSignInLimit(
  db: Db,
  attempt: { email: string; sourceIp: string },
  limit: SignInLimit,
  now = new Date(),
): Promise<LimitVerdict> {
  const since = new Date(now.getTime() - limit.windowMinutes * 60_000);
  for (const by of ['email', 'source IP'] as const) {
    const where = by === 'email' ? { email: attempt.email } : { sourceIp: attempt.sourceIp };
    const failures = await db.signInAttempt.findMany({
      where: { ...where, succeeded: false, attemptedAt: { gte: since } },
      orderBy: { attemptedAt: 'desc' },
      take: limit.maxFailures,
      select: { attemptedAt: true },
    });
    const oldestCounted = failures.at(-1);
    if (failures.length >= limit.maxFailures && oldestCounted) {
      const freeAt = oldestCounted.attemptedAt.getTime() + limit.windowMinutes * 60_000;
      return { locked: true, retryAfterMinutes: Math.max(1, Math.ceil((freeAt - now.getTime()) / 60_000)), by };
    }
  }
  return { locked: false };
}

export async function recordSignInAttempt(
  db: Db,
  attempt: { email: string; sourceIp: string; succeeded: boolean },
): Promise<void> {
  await db.signInAttempt.create({ data: attempt });
}
