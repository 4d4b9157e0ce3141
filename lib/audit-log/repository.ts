import 'server-only';
import type { Prisma, PrismaClient } from '@/lib/generated/prisma/client';
import type { AuditRow } from '@/lib/audit-log/audit-filter';

/**
 * Every read of the audit log (AuditEvent), and nothing else: which events a user may read is the service's
 * business (lib/audit-log/audit-log-service.ts); rows are written by lib/audit/record.ts, never changed.
 */

export type Db = PrismaClient | Prisma.TransactionClient;

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

const NEWEST_FIRST: Prisma.AuditEventOrderByWithRelationInput[] = [{ occurredAt: 'desc' }, { id: 'desc' }];

export function countAuditEvents(db: Db, where: Prisma.AuditEventWhereInput): Promise<number> {
  return db.auditEvent.count({ where });
}

/** Newest first, `take` of them after skipping `skip`. */
export async function selectAuditEvents(
  db: Db,
  where: Prisma.AuditEventWhereInput,
  page: { skip?: number; take: number },
): Promise<AuditRow[]> {
  const events = await db.auditEvent.findMany({ where, orderBy: NEWEST_FIRST, skip: page.skip, take: page.take });
  return events.map(toRow);
}
