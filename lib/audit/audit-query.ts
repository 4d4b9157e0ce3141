import { z } from 'zod';
import { accessDenied } from '@/lib/errors/refusals';
import { deniedReason, seesEveryAccount } from '@/lib/auth/permissions';
import { tenantUserIds } from '@/lib/auth/tenant-users';
import type { SessionUser } from '@/lib/auth/session-user';
import { getPrisma } from '@/lib/db/client';
import type { Prisma } from '@/lib/generated/prisma/client';
import { calendarDate } from '@/lib/validation/calendar-date';
import { idOf, plainText } from '@/lib/validation/text';

/**
 * The audit log as a filtered, paginated read. Support and the installation admin read every event; an account
 * admin the events of their accounts and the account-less events of their tenant's users (sign-ins, user changes). Filters come from the URL, so a filtered view can be
 * shared and exported as CSV with the same rows.
 */

/** An empty field in the filter form is no filter. */
const blankIsAbsent = (value: unknown) => (typeof value === 'string' && value.trim() === '' ? undefined : value);
const optionalText = z.preprocess(blankIsAbsent, plainText({ max: 200 }).trim().optional());
const optionalId = (what: string) => z.preprocess(blankIsAbsent, idOf(what).optional());
const optionalDate = z.preprocess(blankIsAbsent, calendarDate.optional());

export const auditFilterSchema = z.object({
  actor: optionalText,
  accountId: optionalId('an account'),
  keyId: optionalId('a key'),
  action: optionalText,
  from: optionalDate,
  to: optionalDate,
  page: z.preprocess(
    (value) => (value === '' || value === undefined ? undefined : value),
    z.coerce.number().int().min(1).max(100_000).default(1),
  ),
});

export type AuditFilter = z.infer<typeof auditFilterSchema>;

export const AUDIT_PAGE_SIZE = 50;
export const AUDIT_EXPORT_LIMIT = 10_000;

export interface AuditRow {
  id: string;
  occurredAt: string;
  actorEmail: string | null;
  actorRole: string | null;
  accountId: string | null;
  keyId: string | null;
  action: string;
  outcome: string;
  params: unknown;
  upstreamStatus: number | null;
  sourceIp: string | null;
  userAgent: string | null;
}

function whereFor(
  user: SessionUser,
  filter: AuditFilter,
  tenantUsers: string[] | undefined,
): Prisma.AuditEventWhereInput {
  if (filter.accountId) {
    const denied = deniedReason(user, 'audit.read', filter.accountId);
    if (denied) throw accessDenied(denied, filter.accountId);
  }
  const conditions: Prisma.AuditEventWhereInput[] = [];
  // A role that reads only its own accounts reads the events of those accounts, and the events of its tenant's
  // users that name no account (their sign-ins, user changes it made): never another tenant's.
  if (!seesEveryAccount(user))
    conditions.push({
      OR: [
        { accountId: { in: [...user.accountIds] } },
        { accountId: null, actorId: { in: [user.id, ...(tenantUsers ?? [])] } },
      ],
    });
  if (filter.actor)
    conditions.push({
      OR: [{ actorEmail: { contains: filter.actor, mode: 'insensitive' } }, { actorId: filter.actor }],
    });
  if (filter.accountId) conditions.push({ accountId: filter.accountId });
  if (filter.keyId) conditions.push({ keyId: filter.keyId });
  if (filter.action) conditions.push({ action: { startsWith: filter.action } });
  if (filter.from) conditions.push({ occurredAt: { gte: new Date(`${filter.from}T00:00:00.000Z`) } });
  // The whole "to" day is included.
  if (filter.to)
    conditions.push({ occurredAt: { lt: new Date(new Date(`${filter.to}T00:00:00.000Z`).getTime() + 86_400_000) } });
  return { AND: conditions };
}

type EventRow = Prisma.AuditEventGetPayload<object>;

function toRow(event: EventRow): AuditRow {
  return {
    id: event.id.toString(),
    occurredAt: event.occurredAt.toISOString(),
    actorEmail: event.actorEmail,
    actorRole: event.actorRole,
    accountId: event.accountId,
    keyId: event.keyId,
    action: event.action,
    outcome: event.outcome,
    params: event.params,
    upstreamStatus: event.upstreamStatus,
    sourceIp: event.sourceIp,
    userAgent: event.userAgent,
  };
}

async function scopedWhere(user: SessionUser, filter: AuditFilter): Promise<Prisma.AuditEventWhereInput> {
  return whereFor(user, filter, seesEveryAccount(user) ? undefined : await tenantUserIds(getPrisma(), user));
}

export async function queryAuditLog(
  user: SessionUser,
  filter: AuditFilter,
): Promise<{ rows: AuditRow[]; total: number; page: number; pageCount: number }> {
  const where = await scopedWhere(user, filter);
  const prisma = getPrisma();
  const [total, events] = await Promise.all([
    prisma.auditEvent.count({ where }),
    prisma.auditEvent.findMany({
      where,
      orderBy: [{ occurredAt: 'desc' }, { id: 'desc' }],
      skip: (filter.page - 1) * AUDIT_PAGE_SIZE,
      take: AUDIT_PAGE_SIZE,
    }),
  ]);
  return {
    rows: events.map(toRow),
    total,
    page: filter.page,
    pageCount: Math.max(1, Math.ceil(total / AUDIT_PAGE_SIZE)),
  };
}

export async function exportAuditLog(user: SessionUser, filter: AuditFilter): Promise<AuditRow[]> {
  const events = await getPrisma().auditEvent.findMany({
    where: await scopedWhere(user, filter),
    orderBy: [{ occurredAt: 'desc' }, { id: 'desc' }],
    take: AUDIT_EXPORT_LIMIT,
  });
  return events.map(toRow);
}
