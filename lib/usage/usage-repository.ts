import 'server-only';
import { Prisma } from '@/lib/generated/prisma/client';
import type { CredentialKind, KeyKind } from '@/lib/generated/prisma/enums';
import type { AccountScope } from '@/lib/auth/permissions';
import type { Db } from '@/lib/keys/repository';
import { idleDays, type UsageFilter } from '@/lib/usage/usage-filter';
import type { RangeWindow } from '@/lib/usage/usage-range';

/**
 * How Postgres is asked for the usage views: uses per period from UsageHour (ranges counted in hours) or UsageDay
 * (in days and months), summed in the database, so that a year of 500 keys is a few thousand rows read, never the
 * snapshots. No permissions here: the service passes the accounts the user may read.
 */

const DAY = 86_400_000;

export interface SeriesScope {
  accounts: AccountScope;
  accountId?: string;
  keyId?: string;
}

function isoDay(at: Date): string {
  return at.toISOString().slice(0, 10);
}

/** Rows of the period table of the window, from its start, within the scope (`alias` is the table's alias). */
function periodRows(window: RangeWindow, scope: SeriesScope, alias: string): { table: Prisma.Sql; where: Prisma.Sql } {
  const a = Prisma.raw(alias);
  const conditions: Prisma.Sql[] =
    window.period === 'hour'
      ? [Prisma.sql`${a}."startsAt" >= ${window.from}`]
      : [Prisma.sql`${a}."day" >= ${isoDay(window.from)}::date`];
  if (scope.accounts !== 'every')
    conditions.push(Prisma.sql`${a}."accountId" IN (${Prisma.join([...scope.accounts.accountIds])})`);
  if (scope.accountId) conditions.push(Prisma.sql`${a}."accountId" = ${scope.accountId}`);
  if (scope.keyId) conditions.push(Prisma.sql`${a}."keyId" = ${scope.keyId}`);
  return {
    table: Prisma.raw(window.period === 'hour' ? `"UsageHour" ${alias}` : `"UsageDay" ${alias}`),
    where: Prisma.join(conditions, ' AND '),
  };
}

// Periods grouped on the stored column (an index-friendly plain value), then written as text in UTC, whatever the
// database's time zone: an hour's or a day's start, or a month's first day. Formatting only the groups, not every
// row, is what keeps a 90-day view of many keys cheap (bench:usage).
const PERIOD_SQL = {
  hour: `p."startsAt"`,
  day: `p."day"`,
  month: `date_trunc('month', p."day")::date`,
} as const;
const BUCKET_FORMAT = {
  hour: 'YYYY-MM-DD"T"HH24":00:00Z"',
  day: 'YYYY-MM-DD',
  month: 'YYYY-MM-01',
} as const;

/** Uses per period within the scope, periods without use left out. */
export async function selectUsesPerPeriod(
  db: Db,
  window: RangeWindow,
  scope: SeriesScope,
): Promise<Array<{ startsAt: Date; uses: number }>> {
  if (scope.accounts !== 'every' && scope.accounts.accountIds.length === 0) return [];
  const { table, where } = periodRows(window, scope, 'p');
  const rows = await db.$queryRaw<Array<{ bucket: string; uses: number }>>`
    SELECT to_char(g.period, ${Prisma.raw(`'${BUCKET_FORMAT[window.period]}'`)}) AS bucket, g.uses
    FROM (
      SELECT ${Prisma.raw(PERIOD_SQL[window.period])} AS period, SUM(p."uses")::int AS uses
      FROM ${table} WHERE ${where} GROUP BY 1
    ) g`;
  return rows.map((row) => ({
    startsAt: new Date(row.bucket.length === 10 ? `${row.bucket}T00:00:00Z` : row.bucket),
    uses: row.uses,
  }));
}

export interface UsageKeyRecord {
  id: string;
  accountId: string;
  accountLabel: string;
  name: string;
  kind: KeyKind;
  fragment: string;
  createdAt: Date;
  lastUsedAt: Date | null;
  useCount: number | null;
  refusedCount: number | null;
  lastRefusedIp: string | null;
  lastRefusedAt: Date | null;
  usesInRange: number;
}

const SORT_SQL = {
  uses: 'COALESCE(u."uses", 0)',
  lastUsed: 'k."lastUsedAt"',
  refused: 'k."refusedCount"',
} as const;

function keyConditions(filter: UsageFilter, scope: AccountScope, window: RangeWindow, now: Date): Prisma.Sql {
  const conditions: Prisma.Sql[] = [Prisma.sql`k."deletedAt" IS NULL`];
  if (scope !== 'every') conditions.push(Prisma.sql`k."accountId" IN (${Prisma.join([...scope.accountIds])})`);
  if (filter.accountId) conditions.push(Prisma.sql`k."accountId" = ${filter.accountId}`);
  const idle = idleDays(filter.keys);
  if (idle !== null)
    conditions.push(Prisma.sql`COALESCE(k."lastUsedAt", k."createdAt") < ${new Date(now.getTime() - idle * DAY)}`);
  if (filter.keys === 'never-used')
    conditions.push(Prisma.sql`k."lastUsedAt" IS NULL AND COALESCE(k."useCount", 0) = 0`);
  if (filter.keys === 'refused') conditions.push(Prisma.sql`k."lastRefusedAt" >= ${window.from}`);
  return Prisma.join(conditions, ' AND ');
}

/** The id breaks ties, so that the page and the export list equal keys in the same order. */
function orderOf(filter: UsageFilter): Prisma.Sql {
  const direction = filter.dir === 'asc' ? 'ASC' : 'DESC';
  return Prisma.raw(`${SORT_SQL[filter.sort]} ${direction} NULLS LAST, k."id" ${direction}`);
}

function keysQuery(filter: UsageFilter, scope: AccountScope, window: RangeWindow, now: Date, tail: Prisma.Sql) {
  const { table, where } = periodRows(window, { accounts: scope, accountId: filter.accountId }, 'p');
  const order = orderOf(filter);
  return Prisma.sql`
    WITH used AS (SELECT p."keyId", SUM(p."uses")::int AS uses FROM ${table} WHERE ${where} GROUP BY p."keyId")
    SELECT k."id", k."accountId", a."label" AS "accountLabel", k."name", k."kind", k."fragment", k."createdAt",
      k."lastUsedAt", k."useCount", k."refusedCount", k."lastRefusedIp", k."lastRefusedAt",
      COALESCE(u."uses", 0)::int AS "usesInRange", (count(*) OVER ())::int AS total
    FROM "ApiKey" k JOIN "Account" a ON a."id" = k."accountId" LEFT JOIN used u ON u."keyId" = k."id"
    WHERE ${keyConditions(filter, scope, window, now)}
    ORDER BY ${order} ${tail}`;
}

/** The keys the filter names, in its order: the first `limit`, with how many there are in all. */
export async function selectUsageKeys(
  db: Db,
  filter: UsageFilter,
  scope: AccountScope,
  window: RangeWindow,
  now: Date,
  page: { limit: number; offset: number },
): Promise<{ keys: UsageKeyRecord[]; total: number }> {
  if (scope !== 'every' && scope.accountIds.length === 0) return { keys: [], total: 0 };
  const rows = await db.$queryRaw<Array<UsageKeyRecord & { total: number }>>(
    keysQuery(filter, scope, window, now, Prisma.sql`LIMIT ${page.limit} OFFSET ${page.offset}`),
  );
  return { keys: rows, total: rows[0]?.total ?? 0 };
}

/**
 * The export's first pass: every key the filter names, in its order, as ids and uses only (a few dozen bytes a key),
 * so that the rows can then be read and written a batch at a time (selectUsageKeysByIds).
 */
export async function selectUsageKeyOrder(
  db: Db,
  filter: UsageFilter,
  scope: AccountScope,
  window: RangeWindow,
  now: Date,
): Promise<Array<{ id: string; usesInRange: number }>> {
  if (scope !== 'every' && scope.accountIds.length === 0) return [];
  const { table, where } = periodRows(window, { accounts: scope, accountId: filter.accountId }, 'p');
  return db.$queryRaw<Array<{ id: string; usesInRange: number }>>`
    WITH used AS (SELECT p."keyId", SUM(p."uses")::int AS uses FROM ${table} WHERE ${where} GROUP BY p."keyId")
    SELECT k."id", COALESCE(u."uses", 0)::int AS "usesInRange"
    FROM "ApiKey" k LEFT JOIN used u ON u."keyId" = k."id"
    WHERE ${keyConditions(filter, scope, window, now)}
    ORDER BY ${orderOf(filter)}`;
}

/** The keys of these ids with their account's label (uses in range: from selectUsageKeyOrder, set to 0 here). */
export async function selectUsageKeysByIds(db: Db, ids: readonly string[]): Promise<UsageKeyRecord[]> {
  if (ids.length === 0) return [];
  return db.$queryRaw<UsageKeyRecord[]>`
    SELECT k."id", k."accountId", a."label" AS "accountLabel", k."name", k."kind", k."fragment", k."createdAt",
      k."lastUsedAt", k."useCount", k."refusedCount", k."lastRefusedIp", k."lastRefusedAt", 0 AS "usesInRange"
    FROM "ApiKey" k JOIN "Account" a ON a."id" = k."accountId"
    WHERE k."id" IN (${Prisma.join([...ids])})`;
}

export interface UsageAccountRecord {
  id: string;
  label: string;
  username: string;
  credentialKind: CredentialKind;
  credentialRotatedAt: Date;
  capabilities: unknown;
  keyCount: number;
  lastUsedAt: Date | null;
  usesInRange: number;
  failureCount: number | null;
  lastProblem: string | null;
  lastSucceededAt: Date | null;
  nextRunAt: Date | null;
}

/** Each account of the scope with its keys' uses in the window, last use, and its collection's state. */
export async function selectUsageAccounts(
  db: Db,
  scope: AccountScope,
  window: RangeWindow,
  accountId?: string,
): Promise<UsageAccountRecord[]> {
  if (scope !== 'every' && scope.accountIds.length === 0) return [];
  const conditions: Prisma.Sql[] = [Prisma.sql`TRUE`];
  const keyConditions: Prisma.Sql[] = [Prisma.sql`k."deletedAt" IS NULL`];
  if (scope !== 'every') {
    conditions.push(Prisma.sql`a."id" IN (${Prisma.join([...scope.accountIds])})`);
    keyConditions.push(Prisma.sql`k."accountId" IN (${Prisma.join([...scope.accountIds])})`);
  }
  if (accountId) {
    conditions.push(Prisma.sql`a."id" = ${accountId}`);
    keyConditions.push(Prisma.sql`k."accountId" = ${accountId}`);
  }
  const { table, where } = periodRows(window, { accounts: scope, accountId }, 'p');
  return db.$queryRaw<UsageAccountRecord[]>`
    WITH used AS (SELECT p."accountId", SUM(p."uses")::int AS uses FROM ${table} WHERE ${where} GROUP BY p."accountId"),
    keys AS (
      SELECT k."accountId", count(*)::int AS "keyCount", max(k."lastUsedAt") AS "lastUsedAt"
      FROM "ApiKey" k WHERE ${Prisma.join(keyConditions, ' AND ')} GROUP BY k."accountId")
    SELECT a."id", a."label", a."username", a."credentialKind", a."credentialRotatedAt", a."capabilities",
      COALESCE(ks."keyCount", 0)::int AS "keyCount", ks."lastUsedAt", COALESCE(u."uses", 0)::int AS "usesInRange",
      c."failureCount", c."lastProblem", c."lastSucceededAt", c."nextRunAt"
    FROM "Account" a
      LEFT JOIN used u ON u."accountId" = a."id"
      LEFT JOIN keys ks ON ks."accountId" = a."id"
      LEFT JOIN "AccountCollection" c ON c."accountId" = a."id"
    WHERE ${Prisma.join(conditions, ' AND ')}
    ORDER BY a."label", a."id"`;
}
