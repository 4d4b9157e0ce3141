import 'server-only';
import { auditActor, recordAuditEvent, type AuditWriter } from '@/lib/audit/record';
import { readsAsOutsider } from '@/lib/auth/permissions';
import type { RequestMeta } from '@/lib/auth/request-meta';
import type { SessionUser } from '@/lib/auth/session-user';

/** The page or request that showed the account, and where it came from. */
export type AccountViewDetails = RequestMeta & { path: string };

/**
 * Support staff (and the installation admin) read every customer's account, so each look at an account they are
 * not a member of is on the record: one `account.view` row per page or detail request.
 */
export async function recordAccountView(
  db: AuditWriter,
  user: SessionUser,
  accountId: string,
  details: AccountViewDetails,
): Promise<void> {
  if (!readsAsOutsider(user, accountId)) return;
  await recordAuditEvent(db, {
    ...auditActor(user),
    accountId,
    action: 'account.view',
    params: { path: details.path },
    outcome: 'success',
    sourceIp: details.sourceIp,
    userAgent: details.userAgent,
  });
}
