import 'server-only';
import type { AccountScope } from '@/lib/auth/permissions';
import { Prisma, type PrismaClient } from '@/lib/generated/prisma/client';
import type { KeyKind, KeyUsageLabel } from '@/lib/generated/prisma/enums';
import type { KeySearchQuery } from '@/lib/key-search/classify-query';
import type { KeySearchMatch } from '@/lib/key-search/types';

/**
 * How Postgres is asked to find keys from what a customer said. Each way a key can match is its own indexed read
 * (migration 20261206090000_key_search): the fragment by equality on ApiKey.fragment, names and account usernames or
 * labels by pg_trgm GIN indexes (a substring, in any case), an IP by equality on KeyIp.address,
 * ApiKey.lastRefusedIp and KeyRefusal.address. Each read stops at `limit` rows without ordering them first, so that a common word ("shop")
 * costs as much as a rare one; the few rows found are then merged, ranked and joined to their account in one
 * statement. No permissions here: the service passes the accounts the user may read. Never selects a secret, its
 * ciphertext or its fingerprint.
 */

export interface KeySearchRecord {
  id: string;
  accountId: string;
  accountLabel: string;
  accountUsername: string;
  name: string;
  upstreamName: string | null;
  kind: KeyKind;
  usageLabel: KeyUsageLabel;
  fragment: string;
  lockedAt: Date | null;
  lastUsedAt: Date | null;
  useCount: number | null;
  refusedCount: number | null;
  lastRefusedIp: string | null;
  lastRefusedAt: Date | null;
  lockedIps: string[];
  matchedOn: KeySearchMatch[];
}

function escapeLike(text: string): string {
  return text.replace(/[\\%_]/g, (character) => `\\${character}`);
}

/** Live keys within the scope (`k` is ApiKey). */
function liveInScope(scope: AccountScope): Prisma.Sql {
  return scope === 'every'
    ? Prisma.sql`k."deletedAt" IS NULL`
    : Prisma.sql`k."deletedAt" IS NULL AND k."accountId" IN (${Prisma.join([...scope.accountIds])})`;
}

/**
 * One read per way of matching: the key's id, what matched, and a rank (lower first: what the customer can only
 * have read off their own key, then names, then whole accounts).
 */
function matchReads(query: KeySearchQuery, scope: AccountScope, limit: number): Prisma.Sql[] {
  const live = liveInScope(scope);
  if (query.kind === 'ip') {
    return [
      Prisma.sql`SELECT ki."keyId" AS "keyId", 'locked-ip' AS "matchedOn", 1 AS rank
        FROM "KeyIp" ki JOIN "ApiKey" k ON k."id" = ki."keyId"
        WHERE ki."address" = ${query.address} AND ${live} LIMIT ${limit}`,
      Prisma.sql`SELECT k."id" AS "keyId", 'refused-ip' AS "matchedOn", 2 AS rank
        FROM "ApiKey" k WHERE k."lastRefusedIp" = ${query.address} AND ${live} LIMIT ${limit}`,
      // Any address a key was refused from, not only the last: a customer calls about the address they use, which a
      // later refusal from another address must not hide.
      Prisma.sql`SELECT kr."keyId" AS "keyId", 'refused-ip' AS "matchedOn", 2 AS rank
        FROM "KeyRefusal" kr JOIN "ApiKey" k ON k."id" = kr."keyId"
        WHERE kr."address" = ${query.address} AND ${live} LIMIT ${limit}`,
    ];
  }
  const reads: Prisma.Sql[] = [];
  if (query.fragment) {
    // Secrets are compared as stored; a customer reading theirs out may change its case, so both cases are asked too.
    const fragments = [...new Set([query.fragment, query.fragment.toLowerCase(), query.fragment.toUpperCase()])];
    reads.push(Prisma.sql`SELECT k."id" AS "keyId", 'fragment' AS "matchedOn", 1 AS rank
      FROM "ApiKey" k WHERE k."fragment" IN (${Prisma.join(fragments)}) AND ${live} LIMIT ${limit}`);
  }
  if (query.text) {
    const pattern = `%${escapeLike(query.text)}%`;
    const exact = query.text.toLowerCase();
    reads.push(Prisma.sql`SELECT k."id" AS "keyId", 'name' AS "matchedOn",
        CASE WHEN lower(k."name") = ${exact} OR lower(k."upstreamName") = ${exact} THEN 2 ELSE 3 END AS rank
      FROM "ApiKey" k WHERE (k."name" ILIKE ${pattern} OR k."upstreamName" ILIKE ${pattern}) AND ${live} LIMIT ${limit}`);
    const accountScope =
      scope === 'every' ? Prisma.empty : Prisma.sql`AND a."id" IN (${Prisma.join([...scope.accountIds])})`;
    reads.push(Prisma.sql`SELECT k."id" AS "keyId", 'account' AS "matchedOn", 4 AS rank
      FROM "ApiKey" k WHERE k."accountId" IN (
        SELECT a."id" FROM "Account" a WHERE (a."username" ILIKE ${pattern} OR a."label" ILIKE ${pattern}) ${accountScope}
      ) AND ${live} LIMIT ${limit}`);
  }
  return reads;
}

/** The SQL of a search, for EXPLAIN (bench:lookup) as well as for running. */
export function keySearchSql(query: KeySearchQuery, scope: AccountScope, limit: number): Prisma.Sql | null {
  const reads = matchReads(query, scope, limit);
  if (reads.length === 0) return null;
  const union = Prisma.join(
    reads.map((read) => Prisma.sql`(${read})`),
    ' UNION ALL ',
  );
  return Prisma.sql`
    WITH matched AS (${union}),
    found AS (
      SELECT m."keyId", min(m.rank) AS rank, array_agg(DISTINCT m."matchedOn") AS "matchedOn"
      FROM matched m GROUP BY m."keyId"
    )
    SELECT k."id", k."accountId", a."label" AS "accountLabel", a."username" AS "accountUsername", k."name",
      k."upstreamName", k."kind", k."usageLabel", k."fragment", k."lockedAt", k."lastUsedAt", k."useCount",
      k."refusedCount", k."lastRefusedIp", k."lastRefusedAt", f."matchedOn",
      ARRAY(SELECT ki."address" FROM "KeyIp" ki WHERE ki."keyId" = k."id" ORDER BY ki."addedAt", ki."address") AS "lockedIps"
    FROM found f JOIN "ApiKey" k ON k."id" = f."keyId" JOIN "Account" a ON a."id" = k."accountId"
    ORDER BY f.rank, k."lastUsedAt" DESC NULLS LAST, k."id"
    LIMIT ${limit}`;
}

/**
 * The planner settings a search runs under, for its transaction only. With a LIMIT, Postgres likes to read the keys in
 * table or index order and filter each with ILIKE until it has enough, betting that matches are spread evenly; when
 * they are not (10,000 keys named "ERP 64" made together by an import, a word absent from every name) that reads up
 * to a million rows (2 s in bench:lookup). Without plain scans, every read goes through its index as a bitmap: a
 * trigram, fragment or address index first, the heap only for the rows it names, stopped at the LIMIT.
 */
export const KEY_SEARCH_PLANNER_SQL = Prisma.sql`SELECT set_config('enable_seqscan', 'off', true),
  set_config('enable_indexscan', 'off', true)`;

/** Up to `limit` keys the query finds within the scope, best matches first, then the most recently used. */
export async function selectKeySearch(
  db: PrismaClient,
  query: KeySearchQuery,
  scope: AccountScope,
  limit: number,
): Promise<KeySearchRecord[]> {
  if (scope !== 'every' && scope.accountIds.length === 0) return [];
  const sql = keySearchSql(query, scope, limit);
  if (!sql) return [];
  const [, rows] = await db.$transaction([db.$queryRaw(KEY_SEARCH_PLANNER_SQL), db.$queryRaw<KeySearchRecord[]>(sql)]);
  return rows;
}
