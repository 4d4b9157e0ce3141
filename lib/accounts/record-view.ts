import { recordAuditEvent, type AuditWriter } from '@/lib/audit/record';
import type { SessionUser } from '@/lib/auth/session-user';

/**
 * Support staff read every customer's account, so each look is on the record: one `account.view` row per page
 * or detail request. Other roles only see accounts they belong to, which needs no such trail.
 */
export async function recordAccountView(
  db: AuditWriter,
  user: SessionUser,
  accountId: string,
  details: { path: string; sourceIp: string | null; userAgent: string | null },
): Promise<void> {
  if (user.role !== 'SUPPORT') return;
  await recordAuditEvent(db, {
    actorId: user.id,
    actorEmail: user.email,
    actorRole: user.role,
    accountId,
    action: 'account.view',
    params: { path: details.path },
    outcome: 'success',
    sourceIp: details.sourceIp,
    userAgent: details.userAgent,
  });
}
