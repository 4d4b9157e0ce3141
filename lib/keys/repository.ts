import { addUses, dayStart, usesBetween } from '@/lib/keys/usage-tally';
import { refusalWrite, writeRefusals, type RefusalsListed } from '@/lib/keys/refusal-record';
import 'server-only';
import { Prisma, type PrismaClient } from '@/lib/generated/prisma/client';
import type { KeyIpReason, KeyKind, KeyOrigin, KeyUsageLabel } from '@/lib/generated/prisma/enums';
import { IDLE_DAYS, type KeyListQuery, type KeySort } from '@/lib/keys/list-query';
import type { ListedIp } from '@/lib/sendsms/ip-list';

/**
 * Every read and write of the key registry and its caches (ApiKey, KeyIp, UsageSnapshot), and nothing else: no
 * rules, no upstream calls, no permissions. Services (the *-service.ts files beside this one) decide; this file
 * only says how Postgres is asked. Writes take a transaction client so that an audit row can join them.
 */

export type Db = PrismaClient | Prisma.TransactionClient;

const DAY = 86_400_000;

export interface KeyRecord {
  id: string;
  accountId: string;
  name: string;
  kind: KeyKind;
  usageLabel: KeyUsageLabel;
  fragment: string;
  secretFingerprint: string;
  secretCiphertext: string | null;
  origin: KeyOrigin;
  createdAt: Date;
  lockedAt: Date | null;
  lastUsedAt: Date | null;
  useCount: number | null;
  usageFetchedAt: Date | null;
  ipsFetchedAt: Date | null;
  refusedCount: number | null;
  lastRefusedIp: string | null;
  lastRefusedAt: Date | null;
  upstreamName: string | null;
  /** Made at sendSMS with its secret shown to nobody: to be treated as compromised. */
  secretUnseenAt: Date | null;
}

export interface KeyIpRecord {
  keyId: string;
  address: string;
  reason: KeyIpReason;
  addedAt: Date;
  fetchedAt: Date;
}

// Whitelisted SQL for each sortable column: user input picks a key of this table, never text that reaches the query.
// `nullable`: keys without a value go last both ways (NULLS LAST); the others are NOT NULL, so no NULLS clause is
// written and Postgres can walk the (accountId, column) index instead of sorting every key.
const SORT_SQL: Record<KeySort, { terms: string[]; nullable: boolean }> = {
  name: { terms: ['k."name"'], nullable: false },
  kind: { terms: ['k."kind"', 'k."usageLabel"'], nullable: false },
  fragment: { terms: ['k."fragment"'], nullable: false },
  created: { terms: ['k."createdAt"'], nullable: false },
  lockedIps: {
    terms: [
      '(SELECT ki."address" FROM "KeyIp" ki WHERE ki."keyId" = k."id" ORDER BY ki."addedAt", ki."address" LIMIT 1)',
    ],
    nullable: true,
  },
  lockState: {
    terms: [`(CASE WHEN k."kind" = 'CLOUD' THEN 2 WHEN k."lockedAt" IS NULL THEN 0 ELSE 1 END)`, 'k."lockedAt"'],
    nullable: true,
  },
  lastUsed: { terms: ['k."lastUsedAt"'], nullable: true },
  useCount: { terms: ['k."useCount"'], nullable: true },
  refusals: { terms: ['k."refusedCount"'], nullable: true },
};

function orderBy(sort: KeySort, dir: 'asc' | 'desc'): Prisma.Sql {
  const direction = dir === 'asc' ? 'ASC' : 'DESC';
  const { terms, nullable } = SORT_SQL[sort];
  const ordered = terms.map((term) => `${term} ${direction}${nullable ? ' NULLS LAST' : ''}`);
  // The id breaks ties, so that paging through equal values never repeats or skips a key.
  return Prisma.raw(`${ordered.join(', ')}, k."id" ${direction}`);
}

function escapeLike(text: string): string {
  return text.replace(/[\\%_]/g, (character) => `\\${character}`);
}

function listFilter(accountId: string, query: KeyListQuery, now: Date): Prisma.Sql {
  const conditions: Prisma.Sql[] = [Prisma.sql`k."accountId" = ${accountId}`, Prisma.sql`k."deletedAt" IS NULL`];
  if (query.q) {
    const pattern = `%${escapeLike(query.q)}%`;
    conditions.push(Prisma.sql`(k."name" ILIKE ${pattern} OR k."fragment" ILIKE ${pattern}
      OR k."id" IN (SELECT ki."keyId" FROM "KeyIp" ki WHERE ki."address" LIKE ${pattern}))`);
  }
  if (query.kind) conditions.push(Prisma.sql`k."kind" = ${query.kind}::"KeyKind"`);
  if (query.lock === 'awaiting') conditions.push(Prisma.sql`k."kind" = 'DEFAULT' AND k."lockedAt" IS NULL`);
  if (query.lock === 'locked') conditions.push(Prisma.sql`k."kind" = 'DEFAULT' AND k."lockedAt" IS NOT NULL`);
  const cutoff = new Date(now.getTime() - IDLE_DAYS * DAY);
  if (query.idle === 'idle') conditions.push(Prisma.sql`COALESCE(k."lastUsedAt", k."createdAt") < ${cutoff}`);
  if (query.idle === 'active') conditions.push(Prisma.sql`k."lastUsedAt" >= ${cutoff}`);
  return Prisma.join(conditions, ' AND ');
}

const KEY_COLUMNS =
  Prisma.raw(`k."id", k."accountId", k."name", k."kind", k."usageLabel", k."fragment", k."secretFingerprint",
  k."secretCiphertext", k."origin", k."createdAt", k."lockedAt", k."lastUsedAt", k."useCount", k."usageFetchedAt", k."ipsFetchedAt",
  k."refusedCount", k."lastRefusedIp", k."lastRefusedAt", k."upstreamName", k."secretUnseenAt"`);

/**
 * One page of the list and the number of keys the filters match. With a search, every key of the account is read
 * anyway, so the count rides along as a window over the matches (one scan, not two). Without one, the page comes
 * from the sort's index and the count from the (accountId, deletedAt) index, each without reading every row.
 */
export async function selectKeyPage(
  db: Db,
  accountId: string,
  query: KeyListQuery,
  now: Date,
): Promise<{ keys: KeyRecord[]; total: number }> {
  const where = listFilter(accountId, query, now);
  const offset = (query.page - 1) * query.size;
  const order = orderBy(query.sort, query.dir);
  const count = async () =>
    (await db.$queryRaw<Array<{ total: number }>>`SELECT count(*)::int AS total FROM "ApiKey" k WHERE ${where}`)[0]
      ?.total ?? 0;
  if (!query.q) {
    const [keys, total] = await Promise.all([
      db.$queryRaw<
        KeyRecord[]
      >`SELECT ${KEY_COLUMNS} FROM "ApiKey" k WHERE ${where} ORDER BY ${order} LIMIT ${query.size} OFFSET ${offset}`,
      count(),
    ]);
    return { keys, total };
  }
  const rows = await db.$queryRaw<Array<KeyRecord & { total: number }>>`
    SELECT ${KEY_COLUMNS}, (count(*) OVER ())::int AS total FROM "ApiKey" k WHERE ${where} ORDER BY ${order} LIMIT ${query.size} OFFSET ${offset}`;
  // A page past the end has no row to carry the count.
  if (rows.length === 0 && offset > 0) return { keys: [], total: await count() };
  // The extra `total` on each row is never read past here (views pick their fields).
  return { keys: rows, total: rows[0]?.total ?? 0 };
}

/** How many days of uses a keys list row shows in its small chart. */
export const RECENT_USE_DAYS = 7;

/**
 * Each key's uses per UTC day over the last RECENT_USE_DAYS days, today last (0 where none was counted): the keys
 * list's per-row chart. One indexed read of at most 7 rows a key.
 */
export async function selectRecentDailyUses(
  db: Db,
  keyIds: readonly string[],
  now: Date,
): Promise<Map<string, number[]>> {
  const today = dayStart(now).getTime();
  const first = new Date(today - (RECENT_USE_DAYS - 1) * DAY);
  const byKey = new Map<string, number[]>(keyIds.map((id) => [id, Array<number>(RECENT_USE_DAYS).fill(0)]));
  if (keyIds.length === 0) return byKey;
  const rows = await db.usageDay.findMany({
    where: { keyId: { in: [...keyIds] }, day: { gte: first } },
    select: { keyId: true, day: true, uses: true },
  });
  for (const row of rows) {
    const index = Math.round((row.day.getTime() - first.getTime()) / DAY);
    const uses = byKey.get(row.keyId);
    if (uses && index >= 0 && index < RECENT_USE_DAYS) uses[index] = row.uses;
  }
  return byKey;
}

/** The Locked On IP lists of these keys, each in the order the addresses were added. */
export async function selectKeyIps(db: Db, keyIds: readonly string[]): Promise<Map<string, KeyIpRecord[]>> {
  const byKey = new Map<string, KeyIpRecord[]>(keyIds.map((id) => [id, []]));
  if (keyIds.length === 0) return byKey;
  const rows = await db.keyIp.findMany({
    where: { keyId: { in: [...keyIds] } },
    orderBy: [{ addedAt: 'asc' }, { address: 'asc' }],
    select: { keyId: true, address: true, reason: true, addedAt: true, fetchedAt: true },
  });
  for (const row of rows) byKey.get(row.keyId)?.push(row);
  return byKey;
}

export interface AccountFreshnessRecord {
  usageFetchedAt: Date | null;
  ipsOldestFetchedAt: Date | null;
  ipsNewestFetchedAt: Date | null;
  hasKeys: boolean;
}

/** Newest and oldest fetch times of the account's keys: each one step down an (accountId, fetched-at) index, not a scan. */
export async function selectAccountFreshness(db: Db, accountId: string): Promise<AccountFreshnessRecord> {
  const live = Prisma.sql`"accountId" = ${accountId} AND "deletedAt" IS NULL`;
  const rows = await db.$queryRaw<AccountFreshnessRecord[]>`
    SELECT (SELECT "usageFetchedAt" FROM "ApiKey" WHERE ${live} AND "usageFetchedAt" IS NOT NULL ORDER BY "usageFetchedAt" DESC LIMIT 1) AS "usageFetchedAt",
           (SELECT "ipsFetchedAt" FROM "ApiKey" WHERE ${live} AND "ipsFetchedAt" IS NOT NULL ORDER BY "ipsFetchedAt" ASC LIMIT 1) AS "ipsOldestFetchedAt",
           (SELECT "ipsFetchedAt" FROM "ApiKey" WHERE ${live} AND "ipsFetchedAt" IS NOT NULL ORDER BY "ipsFetchedAt" DESC LIMIT 1) AS "ipsNewestFetchedAt",
           EXISTS (SELECT 1 FROM "ApiKey" WHERE ${live}) AS "hasKeys"`;
  return rows[0] ?? { usageFetchedAt: null, ipsOldestFetchedAt: null, ipsNewestFetchedAt: null, hasKeys: false };
}

const keySelect = {
  id: true,
  accountId: true,
  name: true,
  kind: true,
  usageLabel: true,
  fragment: true,
  secretFingerprint: true,
  secretCiphertext: true,
  origin: true,
  createdAt: true,
  lockedAt: true,
  lastUsedAt: true,
  useCount: true,
  usageFetchedAt: true,
  ipsFetchedAt: true,
  refusedCount: true,
  lastRefusedIp: true,
  lastRefusedAt: true,
  upstreamName: true,
  secretUnseenAt: true,
} as const satisfies Prisma.ApiKeySelect;

export async function selectKey(db: Db, accountId: string, keyId: string): Promise<KeyRecord | null> {
  return db.apiKey.findFirst({ where: { id: keyId, accountId, deletedAt: null }, select: keySelect });
}

export async function selectLiveKeys(db: Db, accountId: string): Promise<KeyRecord[]> {
  return db.apiKey.findMany({ where: { accountId, deletedAt: null }, select: keySelect });
}

export async function selectKeyByFingerprint(db: Db, accountId: string, secretFingerprint: string) {
  return db.apiKey.findUnique({
    where: { accountId_secretFingerprint: { accountId, secretFingerprint } },
    select: { ...keySelect, deletedAt: true },
  });
}

/** Keys whose IP list is oldest (never fetched first), among those the dashboard can ask about. */
/** A key whose page a person opened this recently counts as being looked at (KeyWatch). */
export const WATCHED_WITHIN_MS = 5 * 60_000;
/** The IP list of a key being looked at, or whose use count just went up, is fetched again after this long. */
export const PRIORITY_IP_REFRESH_AFTER_MS = 60_000;

export interface IpsDueOptions {
  now: Date;
  /** IP lists fetched before this are due for every key. */
  fetchedBefore: Date;
  limit: number;
}

/**
 * The keys whose IP lists to fetch next, in order: keys a person is looking at, then keys whose use count went up
 * since their list was fetched (a key in use is where a refused address shows), then the rest, oldest list first,
 * so that every key comes round in turn.
 */
export async function selectKeysDueForIps(db: Db, accountId: string, options: IpsDueOptions): Promise<KeyRecord[]> {
  const base = { accountId, deletedAt: null, secretCiphertext: { not: null } };
  const priorityBefore = new Date(options.now.getTime() - PRIORITY_IP_REFRESH_AFTER_MS);
  const oldestFirst = [{ ipsFetchedAt: { sort: 'asc', nulls: 'first' } }, { id: 'asc' }] as const;
  const [watched, changed, rest] = await Promise.all([
    db.apiKey.findMany({
      where: {
        ...base,
        watch: { watchedAt: { gte: new Date(options.now.getTime() - WATCHED_WITHIN_MS) } },
        OR: [{ ipsFetchedAt: null }, { ipsFetchedAt: { lt: priorityBefore } }],
      },
      orderBy: [...oldestFirst],
      take: options.limit,
      select: keySelect,
    }),
    db.apiKey.findMany({
      where: {
        ...base,
        ipsFetchedAt: { lt: priorityBefore },
        usageChangedAt: { gt: db.apiKey.fields.ipsFetchedAt },
      },
      orderBy: [...oldestFirst],
      take: options.limit,
      select: keySelect,
    }),
    db.apiKey.findMany({
      where: { ...base, OR: [{ ipsFetchedAt: null }, { ipsFetchedAt: { lt: options.fetchedBefore } }] },
      orderBy: [...oldestFirst],
      take: options.limit,
      select: keySelect,
    }),
  ]);
  const due = new Map<string, KeyRecord>();
  for (const key of [...watched, ...changed, ...rest]) if (!due.has(key.id)) due.set(key.id, key);
  return [...due.values()].slice(0, options.limit);
}

/** Marks the key as being looked at by a person (its page is open), at most one write a minute per key. */
export async function markKeyWatched(db: Db, keyId: string, at: Date): Promise<void> {
  await db.$executeRaw`
    INSERT INTO "KeyWatch" ("keyId", "watchedAt") VALUES (${keyId}, ${at.toISOString()}::timestamp(3))
    ON CONFLICT ("keyId") DO UPDATE SET "watchedAt" = EXCLUDED."watchedAt"
    WHERE "KeyWatch"."watchedAt" < EXCLUDED."watchedAt" - interval '1 minute'`;
}

/** A key to insert: what it is, and the usage and times known of it when it is not brand new. */
export type NewKeyRecord = Pick<
  KeyRecord,
  | 'accountId'
  | 'name'
  | 'kind'
  | 'usageLabel'
  | 'fragment'
  | 'secretFingerprint'
  | 'secretCiphertext'
  | 'origin'
  | 'upstreamName'
> &
  Partial<
    Pick<KeyRecord, 'createdAt' | 'lastUsedAt' | 'useCount' | 'usageFetchedAt' | 'ipsFetchedAt' | 'secretUnseenAt'>
  >;

export async function insertKey(db: Db, key: NewKeyRecord): Promise<KeyRecord> {
  return db.apiKey.create({ data: key, select: keySelect });
}

/** A key deleted here earlier and now generated or imported again takes its old row back (the fingerprint is unique). */
export async function reviveKey(db: Db, keyId: string, key: NewKeyRecord): Promise<KeyRecord> {
  await db.keyIp.deleteMany({ where: { keyId } });
  return db.apiKey.update({
    where: { id: keyId },
    data: {
      secretUnseenAt: null,
      ...key,
      deletedAt: null,
      lockedAt: null,
      refusedCount: null,
      lastRefusedIp: null,
      lastRefusedAt: null,
    },
    select: keySelect,
  });
}

/** Every key row of the account by fingerprint, deleted ones included: what the registry knows of, whoever made it. */
export async function selectKeysByFingerprint(
  db: Db,
  accountId: string,
): Promise<Map<string, Pick<KeyRecord, 'id' | 'origin' | 'secretFingerprint'> & { deletedAt: Date | null }>> {
  const rows = await db.apiKey.findMany({
    where: { accountId },
    select: { id: true, origin: true, secretFingerprint: true, deletedAt: true },
  });
  return new Map(rows.map((row) => [row.secretFingerprint, row]));
}

/** A key's row whether deleted or not: what a delete intent acted on. */
export async function selectKeyRow(db: Db, keyId: string) {
  return db.apiKey.findUnique({
    where: { id: keyId },
    select: { id: true, name: true, secretFingerprint: true, deletedAt: true },
  });
}

/** A key a refresh listed with nobody named turns out to be one a person generated: it takes their name and label. */
export async function adoptListedKey(
  db: Db,
  keyId: string,
  key: Pick<NewKeyRecord, 'name' | 'usageLabel' | 'secretUnseenAt'>,
): Promise<KeyRecord> {
  return db.apiKey.update({ where: { id: keyId }, data: { ...key, origin: 'GENERATED' }, select: keySelect });
}

export async function updateKeyName(db: Db, keyId: string, name: string): Promise<void> {
  await db.apiKey.update({ where: { id: keyId }, data: { name } });
}

/** Soft delete: the row (and its usage history) stays for the audit trail; the secret does not. */
export async function markKeyDeleted(db: Db, keyId: string, at: Date): Promise<void> {
  await db.apiKey.update({ where: { id: keyId }, data: { deletedAt: at, secretCiphertext: null } });
}

/** Adds one address (if absent) and, for a Default key not yet locked, records the lock. */
export async function addKeyIp(
  db: Db,
  key: Pick<KeyRecord, 'id' | 'kind' | 'lockedAt'>,
  address: string,
  reason: KeyIpReason,
  at: Date,
): Promise<void> {
  await db.keyIp.upsert({
    where: { keyId_address: { keyId: key.id, address } },
    create: { keyId: key.id, address, reason, addedAt: at, fetchedAt: at },
    update: { fetchedAt: at },
  });
  if (key.kind === 'DEFAULT' && key.lockedAt === null)
    await db.apiKey.update({ where: { id: key.id }, data: { lockedAt: at } });
}

/**
 * Merges an IP list sendSMS reported into the cache. `authoritative` (a token_list_ips answer for this key): the
 * cache becomes exactly that list. Otherwise (addresses seen in token_list, whose shape is assumed) addresses are
 * only added, so a partial answer never loses what the cache knew. Known addresses keep when and how they came.
 */
export async function mergeKeyIps(
  db: Db,
  key: Pick<KeyRecord, 'id' | 'kind' | 'lockedAt'>,
  listed: readonly ListedIp[],
  at: Date,
  options: { authoritative: boolean },
): Promise<void> {
  const cached = await db.keyIp.findMany({
    where: { keyId: key.id },
    orderBy: [{ addedAt: 'asc' }, { address: 'asc' }],
  });
  const known = new Set(cached.map((ip) => ip.address));
  // A Cloud key's list is the first address seen, for information: keep one.
  const wanted =
    key.kind === 'CLOUD' ? listed.slice(0, Math.max(0, 1 - (options.authoritative ? 0 : cached.length))) : listed;
  let hasAny = cached.length > 0;
  for (const ip of wanted) {
    if (known.has(ip.address)) continue;
    const reason: KeyIpReason = hasAny ? 'LISTED' : key.kind === 'DEFAULT' ? 'FIRST_USE' : 'FIRST_SEEN';
    await db.keyIp.create({
      data: { keyId: key.id, address: ip.address, reason, addedAt: ip.addedAt ?? at, fetchedAt: at },
    });
    hasAny = true;
  }
  if (options.authoritative) {
    const keep = new Set(wanted.map((ip) => ip.address));
    const gone = cached.filter((ip) => !keep.has(ip.address)).map((ip) => ip.address);
    if (gone.length > 0) await db.keyIp.deleteMany({ where: { keyId: key.id, address: { in: gone } } });
  }
  await db.keyIp.updateMany({ where: { keyId: key.id }, data: { fetchedAt: at } });
  const first = wanted[0];
  const lockedAt = key.kind === 'DEFAULT' && key.lockedAt === null && first ? (first.addedAt ?? at) : undefined;
  await db.apiKey.update({
    where: { id: key.id },
    data: { ipsFetchedAt: options.authoritative ? at : undefined, lockedAt },
  });
}

export interface ListedUsage extends RefusalsListed {
  lastUsedAt: Date | null;
  useCount: number | null;
  upstreamName: string | null;
}

/**
 * Usage as token_list reported it: the key's fields (unreported ones keep their last value), one snapshot, and the
 * uses the count grew by since the last collection added to its hour and day (usage-tally.ts). The key row is locked
 * first, so two refreshes of one account (two processes, or a Refresh during a collection) never count one use twice;
 * a collection retried after its process died writes its snapshot once (`collectionId`).
 */
export async function recordListedUsage(
  db: Db,
  key: { keyId: string; accountId: string },
  usage: ListedUsage,
  at: Date,
  collectionId: string | null = null,
): Promise<void> {
  const [current] = await db.$queryRaw<
    Array<{ useCount: number | null; origin: KeyOrigin; refusedCount: number | null; lastRefusedAt: Date | null }>
  >`
    SELECT "useCount", "origin", "refusedCount", "lastRefusedAt" FROM "ApiKey" WHERE "id" = ${key.keyId} FOR UPDATE`;
  // A key the dashboard generated had no use when it was made, even where the account's usage was not known yet
  // then: its first reported count is all new uses. A key found or imported may have years behind it: its first
  // count is only the starting point.
  const baseline = current?.useCount ?? (current?.origin === 'GENERATED' ? 0 : null);
  const grown = usesBetween(baseline, usage.useCount);
  await db.apiKey.update({
    where: { id: key.keyId },
    data: {
      lastUsedAt: usage.lastUsedAt ?? undefined,
      useCount: usage.useCount ?? undefined,
      refusedCount: usage.refusedCount ?? undefined,
      lastRefusedIp: usage.lastRefusedIp ?? undefined,
      lastRefusedAt: usage.lastRefusedAt ?? undefined,
      upstreamName: usage.upstreamName ?? undefined,
      usageFetchedAt: at,
      ...(grown > 0 ? { usageChangedAt: at } : {}),
    },
  });
  if (usage.useCount !== null)
    await db.usageSnapshot.createMany({
      data: [{ keyId: key.keyId, takenAt: at, useCount: usage.useCount, lastUsedAt: usage.lastUsedAt, collectionId }],
      skipDuplicates: true,
    });
  await addUses(db, key, grown, at);
  await writeRefusals(
    db,
    key.keyId,
    refusalWrite(
      { refusedCount: current?.refusedCount ?? null, lastRefusedAt: current?.lastRefusedAt ?? null },
      usage,
      at,
    ),
  );
}

export async function selectKeyAuditTrail(db: Db, accountId: string, keyId: string, limit: number) {
  return db.auditEvent.findMany({ where: { keyId, accountId }, orderBy: { occurredAt: 'desc' }, take: limit });
}

/**
 * The newest failed refresh of this account's keys since `after` (audit rows are the record of failed attempts);
 * bounded by time so that it reads only the account's recent events, through the (accountId, occurredAt) index.
 */
export async function selectLastRefreshFailure(db: Db, accountId: string, after: Date) {
  return db.auditEvent.findFirst({
    where: { accountId, occurredAt: { gt: after }, action: 'keys.refresh', outcome: 'failure' },
    orderBy: { occurredAt: 'desc' },
    select: { occurredAt: true, params: true, upstreamStatus: true },
  });
}
