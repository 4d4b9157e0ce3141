import 'server-only';
import type { Prisma, PrismaClient } from '@/lib/generated/prisma/client';
import { maskSecrets } from '@/lib/audit/mask';
import type { AccountName, AnonymousRefusalRow, AuditRow, KeyName, UserName } from '@/lib/audit-log/audit-row';

/**
 * Every read of the audit log (AuditEvent, AnonymousRefusal) and of the names it shows, and nothing else: which
 * events a user may read is the service's business (lib/audit-log/audit-log-service.ts); rows are written by
 * lib/audit/record.ts and lib/audit/anonymous-refusal.ts, never changed.
 */

export type Db = PrismaClient | Prisma.TransactionClient;

type EventRow = Prisma.AuditEventGetPayload<object>;

const NEWEST_FIRST: Prisma.AuditEventOrderByWithRelationInput[] = [{ occurredAt: 'desc' }, { id: 'desc' }];

const USER_NAME = { id: true, name: true, email: true } as const;
const ACCOUNT_NAME = { id: true, label: true, username: true } as const;

export function countAuditEvents(db: Db, where: Prisma.AuditEventWhereInput): Promise<number> {
  return db.auditEvent.count({ where });
}

/** Newest first, `take` of them after skipping `skip`, each with the names of what it names. */
export async function selectAuditEvents(
  db: Db,
  where: Prisma.AuditEventWhereInput,
  page: { skip?: number; take: number },
): Promise<AuditRow[]> {
  const events = await db.auditEvent.findMany({ where, orderBy: NEWEST_FIRST, skip: page.skip, take: page.take });
  return withNames(db, events);
}

function paramsOf(event: EventRow): Record<string, unknown> {
  const params = event.params;
  return params && typeof params === 'object' && !Array.isArray(params) ? params : {};
}

const strings = (value: unknown): string[] =>
  (Array.isArray(value) ? value : [value]).filter((item): item is string => typeof item === 'string' && item !== '');

/**
 * The names of a page of events in three batched reads (users, accounts, keys), whatever the page's size. Deleted
 * keys are read too: an event keeps naming the key it was about. A key is named only on an event of its own account.
 */
async function withNames(db: Db, events: readonly EventRow[]): Promise<AuditRow[]> {
  const userIds = new Set<string>();
  const accountIds = new Set<string>();
  const keyIds = new Set<string>();
  for (const event of events) {
    if (event.actorId) userIds.add(event.actorId);
    if (event.accountId) accountIds.add(event.accountId);
    if (event.keyId) keyIds.add(event.keyId);
    for (const id of strings(paramsOf(event).userId)) userIds.add(id);
    for (const id of strings(paramsOf(event).accountIds)) accountIds.add(id);
  }
  const [users, accounts, keys] = await Promise.all([
    userIds.size ? db.user.findMany({ where: { id: { in: [...userIds] } }, select: USER_NAME }) : [],
    accountIds.size ? db.account.findMany({ where: { id: { in: [...accountIds] } }, select: ACCOUNT_NAME }) : [],
    keyIds.size
      ? db.apiKey.findMany({
          where: { id: { in: [...keyIds] } },
          select: { id: true, accountId: true, name: true, fragment: true, deletedAt: true },
        })
      : [],
  ]);
  const userById = new Map<string, UserName>(users.map((user) => [user.id, user]));
  const accountById = new Map<string, AccountName>(accounts.map((account) => [account.id, account]));
  const keyById = new Map(keys.map((key) => [key.id, key]));

  return events.map((event) => {
    const key = event.keyId ? keyById.get(event.keyId) : undefined;
    const subjectId = strings(paramsOf(event).userId)[0];
    return {
      id: event.id.toString(),
      occurredAt: event.occurredAt.toISOString(),
      actorId: event.actorId,
      actorEmail: event.actorEmail,
      actorRole: event.actorRole,
      accountId: event.accountId,
      keyId: event.keyId,
      action: event.action,
      outcome: event.outcome,
      // Masked on the way in (lib/audit/record.ts) and again on the way out: a row written by hand, or before a
      // name was known to be a secret, shows no secret either.
      params: maskSecrets(event.params),
      upstreamStatus: event.upstreamStatus,
      sourceIp: event.sourceIp,
      userAgent: event.userAgent,
      actor: (event.actorId && userById.get(event.actorId)) || null,
      account: (event.accountId && accountById.get(event.accountId)) || null,
      key:
        key && key.accountId === event.accountId
          ? ({ id: key.id, name: key.name, fragment: key.fragment, deleted: key.deletedAt !== null } satisfies KeyName)
          : null,
      subject: (subjectId && userById.get(subjectId)) || null,
      grantedAccounts: strings(paramsOf(event).accountIds).flatMap((id) => accountById.get(id) ?? []),
    };
  });
}

/** Which minutes: at or after `notBefore`, before `before` (both optional). */
export interface RefusalSpan {
  notBefore?: Date;
  before?: Date;
}

function refusalWhere(span: RefusalSpan): Prisma.AnonymousRefusalWhereInput {
  return {
    minute: { ...(span.notBefore ? { gte: span.notBefore } : {}), ...(span.before ? { lt: span.before } : {}) },
  };
}

/** The minutes of refused requests without a session in the span, newest first, at most `take`, and how many in all. */
export async function selectAnonymousRefusals(
  db: Db,
  span: RefusalSpan,
  take: number,
): Promise<{ rows: AnonymousRefusalRow[]; total: number }> {
  const where = refusalWhere(span);
  const [rows, total] = await Promise.all([
    db.anonymousRefusal.findMany({ where, orderBy: [{ minute: 'desc' }, { sourceIp: 'asc' }], take }),
    db.anonymousRefusal.count({ where }),
  ]);
  return { rows: rows.map((row) => ({ ...row, minute: row.minute.toISOString() })), total };
}

/** Users by name for the filter: these ids, or every user when `ids` is undefined. */
export function selectUserNames(db: Db, ids: readonly string[] | undefined): Promise<UserName[]> {
  return db.user.findMany({
    where: ids ? { id: { in: [...ids] } } : {},
    select: USER_NAME,
    orderBy: [{ name: 'asc' }, { email: 'asc' }],
  });
}

/** Accounts by label for the filter: these ids, or every account when `ids` is undefined. */
export function selectAccountNames(db: Db, ids: readonly string[] | undefined): Promise<AccountName[]> {
  return db.account.findMany({
    where: ids ? { id: { in: [...ids] } } : {},
    select: ACCOUNT_NAME,
    orderBy: [{ label: 'asc' }, { username: 'asc' }],
  });
}

/** An account's keys for the filter, the deleted ones too (their events are still in the log), by name. */
export async function selectKeyNames(db: Db, accountId: string): Promise<KeyName[]> {
  const keys = await db.apiKey.findMany({
    where: { accountId },
    select: { id: true, name: true, fragment: true, deletedAt: true },
    orderBy: [{ deletedAt: { sort: 'desc', nulls: 'first' } }, { name: 'asc' }],
  });
  return keys.map(({ deletedAt, ...key }) => ({ ...key, deleted: deletedAt !== null }));
}
