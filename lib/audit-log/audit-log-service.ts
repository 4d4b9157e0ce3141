import 'server-only';
import { deniedReason, seesEveryAccount } from '@/lib/auth/permissions';
import type { SessionUser } from '@/lib/auth/session-user';
import { AUDIT_EXPORT_LIMIT, AUDIT_PAGE_SIZE, type AuditFilter, type AuditRow } from '@/lib/audit-log/audit-filter';
import { countAuditEvents, selectAuditEvents } from '@/lib/audit-log/repository';
import type { DatabaseDeps } from '@/lib/db/deps';
import { accessDenied } from '@/lib/errors/refusals';
import type { Prisma } from '@/lib/generated/prisma/client';
import { tenantUserIds } from '@/lib/users/user-service';

/**
 * The audit log as a filtered, paginated read. Support and the installation admin read every event; an account
 * admin the events of their accounts and the account-less events of their tenant's users (sign-ins, user changes).
 */

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

async function scopedWhere(
  deps: DatabaseDeps,
  user: SessionUser,
  filter: AuditFilter,
): Promise<Prisma.AuditEventWhereInput> {
  return whereFor(user, filter, seesEveryAccount(user) ? undefined : await tenantUserIds(deps, user));
}

export async function queryAuditLog(
  deps: DatabaseDeps,
  user: SessionUser,
  filter: AuditFilter,
): Promise<{ rows: AuditRow[]; total: number; page: number; pageCount: number }> {
  const where = await scopedWhere(deps, user, filter);
  const [total, rows] = await Promise.all([
    countAuditEvents(deps.prisma, where),
    selectAuditEvents(deps.prisma, where, { skip: (filter.page - 1) * AUDIT_PAGE_SIZE, take: AUDIT_PAGE_SIZE }),
  ]);
  return {
    rows,
    total,
    page: filter.page,
    pageCount: Math.max(1, Math.ceil(total / AUDIT_PAGE_SIZE)),
  };
}

export async function exportAuditLog(deps: DatabaseDeps, user: SessionUser, filter: AuditFilter): Promise<AuditRow[]> {
  return selectAuditEvents(deps.prisma, await scopedWhere(deps, user, filter), { take: AUDIT_EXPORT_LIMIT });
}
