import 'server-only';
import { Prisma } from '@/lib/generated/prisma/client';
import { UpstreamChangeState, type Role, type UpstreamChangeAction } from '@/lib/generated/prisma/enums';
import type { Db } from '@/lib/keys/repository';

/**
 * Every read and write of UpstreamChange, the intents recorded around each change sent to sendSMS, and nothing
 * else: the services (generate, authorize an IP, delete) and the resolver (intent-resolver.ts) decide. Writes take
 * a transaction client where the settling of a change must commit with its audit row and its key rows.
 */

export interface ChangeActor {
  id: string;
  email: string;
  role: Role;
}

export interface NewChange {
  accountId: string;
  keyId: string | null;
  action: UpstreamChangeAction;
  /** Secrets masked by the caller: names, kinds, IPs only. */
  params: Record<string, unknown>;
  actor: ChangeActor;
  sourceIp: string | null;
  userAgent: string | null;
}

export interface ChangeRecord {
  id: string;
  accountId: string;
  keyId: string | null;
  action: UpstreamChangeAction;
  params: Prisma.JsonValue;
  actorId: string | null;
  actorEmail: string | null;
  actorRole: Role | null;
  sourceIp: string | null;
  userAgent: string | null;
  state: UpstreamChangeState;
  createdAt: Date;
  checkAttempts: number;
}

const changeSelect = {
  id: true,
  accountId: true,
  keyId: true,
  action: true,
  params: true,
  actorId: true,
  actorEmail: true,
  actorRole: true,
  sourceIp: true,
  userAgent: true,
  state: true,
  createdAt: true,
  checkAttempts: true,
} as const satisfies Prisma.UpstreamChangeSelect;

export async function insertChange(db: Db, change: NewChange, at: Date): Promise<ChangeRecord> {
  return db.upstreamChange.create({
    data: {
      accountId: change.accountId,
      keyId: change.keyId,
      action: change.action,
      params: change.params as Prisma.InputJsonObject,
      actorId: change.actor.id,
      actorEmail: change.actor.email,
      actorRole: change.actor.role,
      sourceIp: change.sourceIp,
      userAgent: change.userAgent?.slice(0, 500) ?? null,
      createdAt: at,
    },
    select: changeSelect,
  });
}

export interface Settlement {
  /** A settled change's state: never OPEN or UNKNOWN again. */
  state: typeof UpstreamChangeState.SUCCEEDED | typeof UpstreamChangeState.FAILED;
  resolvedBy: 'answer' | 'read-back';
  detail: string;
  upstreamStatus?: number | null;
  keyId?: string | null;
}

/**
 * Closes a change that is still open (or unknown), and, for a resolver, still claimed by it. False when someone
 * else settled it first: the caller then rolls its transaction back, so a change is settled and audited once.
 */
export async function settleChange(
  db: Db,
  changeId: string,
  settlement: Settlement,
  at: Date,
  claimToken?: string,
): Promise<boolean> {
  const { count } = await db.upstreamChange.updateMany({
    where: { id: changeId, state: { in: ['OPEN', 'UNKNOWN'] }, ...(claimToken ? { claimToken } : {}) },
    data: {
      state: settlement.state,
      resolvedBy: settlement.resolvedBy,
      resolvedAt: at,
      detail: settlement.detail,
      upstreamStatus: settlement.upstreamStatus ?? null,
      ...(settlement.keyId !== undefined ? { keyId: settlement.keyId } : {}),
      claimToken: null,
      claimedUntil: null,
    },
  });
  return count === 1;
}

/** The call came back with no answer to trust: the change stays to be settled by reading sendSMS back. */
export async function markChangeUnknown(db: Db, changeId: string, detail: string): Promise<void> {
  await db.upstreamChange.updateMany({ where: { id: changeId, state: 'OPEN' }, data: { state: 'UNKNOWN', detail } });
}

export interface ClaimOptions {
  accountId?: string;
  /** OPEN changes younger than this may still have their call in flight in some process: left alone. */
  openBefore: Date;
  /** UNKNOWN changes younger than this may still be being applied at sendSMS after the answer was lost. */
  unknownBefore: Date;
  claimToken: string;
  claimedUntil: Date;
  limit: number;
  now: Date;
}

/**
 * Claims up to `limit` changes to settle, oldest first, for a lease. SKIP LOCKED lets two resolvers (two
 * processes, or a refresh and the start-up run) claim at once without waiting on each other or taking the same
 * row; the lease keeps the row theirs across the sendSMS calls that follow, without a transaction held open.
 */
export async function claimChanges(db: Db, options: ClaimOptions): Promise<ChangeRecord[]> {
  const accountFilter = options.accountId ? Prisma.sql`AND c."accountId" = ${options.accountId}` : Prisma.empty;
  const ids = await db.$queryRaw<Array<{ id: string }>>`
    UPDATE "UpstreamChange" SET "claimToken" = ${options.claimToken}, "claimedUntil" = ${options.claimedUntil},
           "checkAttempts" = "checkAttempts" + 1, "lastCheckAt" = ${options.now}
     WHERE "id" IN (
       SELECT c."id" FROM "UpstreamChange" c
        WHERE ((c."state" = 'OPEN' AND c."createdAt" < ${options.openBefore}) OR (c."state" = 'UNKNOWN' AND c."createdAt" < ${options.unknownBefore}))
          AND (c."claimedUntil" IS NULL OR c."claimedUntil" < ${options.now}) ${accountFilter}
        ORDER BY c."createdAt"
        LIMIT ${options.limit}
          FOR UPDATE SKIP LOCKED)
    RETURNING "id"`;
  if (ids.length === 0) return [];
  return db.upstreamChange.findMany({
    where: { id: { in: ids.map((row) => row.id) } },
    orderBy: { createdAt: 'asc' },
    select: changeSelect,
  });
}

/** A read-back that could not decide (sendSMS down, the budget spent): the change waits for the next run. */
export async function releaseChange(db: Db, changeId: string, claimToken: string, problem: string): Promise<void> {
  await db.upstreamChange.updateMany({
    where: { id: changeId, claimToken },
    data: { claimToken: null, claimedUntil: null, lastCheckError: problem.slice(0, 500) },
  });
}

export interface PendingChangeRecord {
  id: string;
  keyId: string | null;
  action: UpstreamChangeAction;
  params: Prisma.JsonValue;
  actorEmail: string | null;
  state: UpstreamChangeState;
  createdAt: Date;
  lastCheckError: string | null;
}

/** The account's changes whose outcome is not known yet (or only this key's), newest first, for the pages. */
export async function selectPendingChanges(db: Db, accountId: string, keyId?: string): Promise<PendingChangeRecord[]> {
  return db.upstreamChange.findMany({
    where: { accountId, state: { in: ['OPEN', 'UNKNOWN'] }, ...(keyId ? { keyId } : {}) },
    orderBy: { createdAt: 'desc' },
    take: 50,
    select: {
      id: true,
      keyId: true,
      action: true,
      params: true,
      actorEmail: true,
      state: true,
      createdAt: true,
      lastCheckError: true,
    },
  });
}
