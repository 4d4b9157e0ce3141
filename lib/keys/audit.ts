import 'server-only';
import type { Prisma, PrismaClient } from '@/lib/generated/prisma/client';
import type { RequestOrigin } from '@/lib/auth/request-meta';
import type { SessionUser } from '@/lib/auth/session-user';
import { recordAuditEvent, type AuditOutcome } from '@/lib/audit/record';

export interface KeyAuditFields {
  accountId: string;
  keyId?: string | null;
  /** 'key.generate', 'key.import', 'key.rename', 'key.delete', 'ip.authorize', 'keys.refresh'. */
  action: string;
  params?: Record<string, unknown>;
  outcome: AuditOutcome;
  upstreamStatus?: number | null;
}

/** Who an audit row names: the signed-in user, or the person an intent recorded (read back later, not signed in). */
export type AuditActor = Pick<SessionUser, 'id' | 'email' | 'role'>;

/** One audit row for a keys action, by `actor` (null: the dashboard itself, e.g. a background refresh). */
export async function auditKeyEvent(
  db: PrismaClient | Prisma.TransactionClient,
  actor: AuditActor | null,
  origin: RequestOrigin,
  fields: KeyAuditFields,
): Promise<void> {
  await recordAuditEvent(db, {
    actorId: actor?.id ?? null,
    actorEmail: actor?.email ?? null,
    actorRole: actor?.role ?? null,
    accountId: fields.accountId,
    keyId: fields.keyId ?? null,
    action: fields.action,
    params: fields.params ?? {},
    outcome: fields.outcome,
    upstreamStatus: fields.upstreamStatus ?? null,
    sourceIp: origin.sourceIp ?? null,
    userAgent: origin.userAgent?.slice(0, 500) ?? null,
  });
}
