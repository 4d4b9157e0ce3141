import 'server-only';
import type { PrismaClient } from '@/lib/generated/prisma/client';
import { SENDSMS_BUDGET, type BudgetLimits } from '@/lib/config';
import { limitsUnder, type BudgetDecision, type CallBudget } from '@/lib/sendsms/budget';

/**
 * The budget every process of the dashboard shares, kept in Postgres (model UpstreamCall). Each take runs in one
 * transaction under an advisory lock per account, so two processes can never both take the tenth slot; times
 * come from the database's clock (UTC), so processes whose clocks disagree still agree on the window.
 */

export function createPostgresBudget(prisma: PrismaClient, limits: BudgetLimits = SENDSMS_BUDGET): CallBudget {
  const windowSeconds = limits.windowMs / 1000;
  return {
    async take(account, action, ceiling): Promise<BudgetDecision> {
      const { limit } = limitsUnder(limits, ceiling);
      return prisma.$transaction(async (tx) => {
        const lockKey = `sendsms-budget\n${account.apiBaseUrl}\n${account.username}`;
        await tx.$executeRaw`SELECT pg_advisory_xact_lock(hashtextextended(${lockKey}, 0))`;
        // Rows that left the window are of no use to anyone: prune them while the account is locked anyway.
        await tx.$executeRaw`
          DELETE FROM "UpstreamCall"
           WHERE "apiBaseUrl" = ${account.apiBaseUrl} AND "username" = ${account.username}
             AND "calledAt" <= (clock_timestamp() AT TIME ZONE 'UTC') - make_interval(secs => ${windowSeconds})`;
        const rows = await tx.$queryRaw<Array<{ counted: number; freeing_in_ms: number | null }>>`
          WITH counted AS (
            SELECT "calledAt" FROM "UpstreamCall"
             WHERE "apiBaseUrl" = ${account.apiBaseUrl} AND "username" = ${account.username}
             ORDER BY "calledAt" DESC LIMIT ${limit}
          )
          SELECT count(*)::int AS counted,
                 ceil(extract(epoch FROM min("calledAt") + make_interval(secs => ${windowSeconds})
                                          - (clock_timestamp() AT TIME ZONE 'UTC')) * 1000)::float8 AS freeing_in_ms
            FROM counted`;
        const row = rows[0];
        if (row && row.counted >= limit) {
          return {
            granted: false,
            retryAfterMs: Math.max(1, Math.ceil((row.freeing_in_ms ?? 1) + 1)),
            limit,
          };
        }
        await tx.$executeRaw`
          INSERT INTO "UpstreamCall" ("apiBaseUrl", "username", "action", "calledAt")
          VALUES (${account.apiBaseUrl}, ${account.username}, ${action}, clock_timestamp() AT TIME ZONE 'UTC')`;
        return { granted: true };
      });
    },
  };
}
