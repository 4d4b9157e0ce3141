import 'server-only';
import type { PrismaClient } from '@/lib/generated/prisma/client';
import type { AuditWriter } from '@/lib/audit/record';
import { storableText } from '@/lib/db/storable';

/**
 * Requests refused before anyone signed in (a cross-origin write without a session, a sign-in refused by the
 * lockout) are counted per source address and minute, not written one audit row each: anyone on the network can
 * send them, and the audit log is append-only, so one row each would let an anonymous caller grow it without bound.
 * A flood from one address is one row a minute; the audit log shows each row as one line
 * (lib/audit-log/event-sentence.ts).
 */

/** How long the counts are kept: the daily retention job (lib/collection/collector.ts) removes older minutes. */
export const ANONYMOUS_REFUSALS_KEPT_DAYS = 90;

/** What a refusal with no known address is counted under (the key needs one). */
export const UNKNOWN_SOURCE = 'unknown';

const MAX_PATH = 300;

export function minuteOf(at: Date): Date {
  return new Date(Math.floor(at.getTime() / 60_000) * 60_000);
}

export async function recordAnonymousRefusal(
  db: AuditWriter,
  refusal: { sourceIp: string | null; path: string },
  at: Date = new Date(),
): Promise<void> {
  const sourceIp = storableText((refusal.sourceIp ?? UNKNOWN_SOURCE).slice(0, 100));
  const path = storableText(refusal.path.slice(0, MAX_PATH));
  // One statement, so that concurrent refusals from one address in one minute each add one (no lost update).
  await db.$executeRaw`
    INSERT INTO "AnonymousRefusal" ("sourceIp", "minute", "count", "firstPath", "lastPath")
    VALUES (${sourceIp}, ${minuteOf(at)}, 1, ${path}, ${path})
    ON CONFLICT ("sourceIp", "minute")
    DO UPDATE SET "count" = "AnonymousRefusal"."count" + 1, "lastPath" = EXCLUDED."lastPath"`;
}

/** Removes the minutes older than ANONYMOUS_REFUSALS_KEPT_DAYS; returns how many rows went. */
export async function pruneAnonymousRefusals(prisma: PrismaClient, now: Date): Promise<number> {
  const before = new Date(now.getTime() - ANONYMOUS_REFUSALS_KEPT_DAYS * 86_400_000);
  const { count } = await prisma.anonymousRefusal.deleteMany({ where: { minute: { lt: before } } });
  return count;
}
