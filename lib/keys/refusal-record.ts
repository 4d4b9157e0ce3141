import type { ListedRefusal } from '@/lib/sendsms/actions';
import type { Db } from '@/lib/keys/repository';

/**
 * Calls sendSMS refused for a key, per address (KeyRefusal), written by each collection from token_list. Where the
 * answer lists refusals per address (`refused_ips`), that list is the record. Where it only says how many in all and
 * the last address, the growth of the count since the last collection is put on that address: between two
 * collections a minute or two apart that is nearly always right, and the page says "at least" of nothing it
 * invented (the sum still matches the count sendSMS gave).
 */

export interface RefusalRow {
  address: string;
  firstAt: Date;
  lastAt: Date;
  count: number;
}

export interface RefusalsListed {
  refusedCount: number | null;
  lastRefusedIp: string | null;
  lastRefusedAt: Date | null;
  /** Per address; null when the answer did not list them. */
  refusals?: ListedRefusal[] | null;
}

export type RefusalWrite = { replace: RefusalRow[] } | { add: RefusalRow } | null;

/** What a collection's answer means for the key's refusal rows, given what the key held before it. */
export function refusalWrite(
  previous: { refusedCount: number | null; lastRefusedAt: Date | null },
  listed: RefusalsListed,
  at: Date,
): RefusalWrite {
  // Nothing refused since the last collection (most keys, most collections): the rows stand, no write.
  const sameLast = (listed.lastRefusedAt?.getTime() ?? null) === (previous.lastRefusedAt?.getTime() ?? null);
  if (sameLast && listed.refusedCount === previous.refusedCount) return null;
  if (listed.refusals) {
    return {
      replace: listed.refusals.map((refusal) => {
        const lastAt = refusal.lastAt ?? refusal.firstAt ?? at;
        return { address: refusal.address, firstAt: refusal.firstAt ?? lastAt, lastAt, count: refusal.count ?? 1 };
      }),
    };
  }
  if (!listed.lastRefusedIp || !listed.lastRefusedAt) return null;
  if (previous.lastRefusedAt && listed.lastRefusedAt <= previous.lastRefusedAt) return null;
  const count =
    listed.refusedCount === null
      ? 1
      : previous.refusedCount === null
        ? Math.max(1, listed.refusedCount)
        : Math.max(1, listed.refusedCount - previous.refusedCount);
  return { add: { address: listed.lastRefusedIp, firstAt: listed.lastRefusedAt, lastAt: listed.lastRefusedAt, count } };
}

export async function writeRefusals(db: Db, keyId: string, write: RefusalWrite): Promise<void> {
  if (write === null) return;
  if ('add' in write) {
    const { address, firstAt, lastAt, count } = write.add;
    await db.$executeRaw`
      INSERT INTO "KeyRefusal" ("keyId", "address", "firstAt", "lastAt", "count")
      VALUES (${keyId}, ${address}, ${firstAt}, ${lastAt}, ${count})
      ON CONFLICT ("keyId", "address") DO UPDATE SET
        "firstAt" = LEAST("KeyRefusal"."firstAt", EXCLUDED."firstAt"),
        "lastAt" = GREATEST("KeyRefusal"."lastAt", EXCLUDED."lastAt"),
        "count" = "KeyRefusal"."count" + EXCLUDED."count"`;
    return;
  }
  const addresses = write.replace.map((row) => row.address);
  await db.keyRefusal.deleteMany({ where: { keyId, address: { notIn: addresses } } });
  for (const row of write.replace) {
    await db.keyRefusal.upsert({
      where: { keyId_address: { keyId, address: row.address } },
      create: { keyId, ...row },
      update: { firstAt: row.firstAt, lastAt: row.lastAt, count: row.count },
    });
  }
}

/** The key's refused addresses, the latest first. */
export async function selectKeyRefusals(db: Db, keyId: string, limit: number): Promise<RefusalRow[]> {
  return db.keyRefusal.findMany({
    where: { keyId },
    orderBy: [{ lastAt: 'desc' }, { address: 'asc' }],
    take: limit,
    select: { address: true, firstAt: true, lastAt: true, count: true },
  });
}
