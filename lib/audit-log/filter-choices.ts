import 'server-only';
import { deniedReason, seesEveryAccount } from '@/lib/auth/permissions';
import type { SessionUser } from '@/lib/auth/session-user';
import type { AuditFilter } from '@/lib/audit-log/audit-filter';
import type { AccountName, KeyName, UserName } from '@/lib/audit-log/audit-row';
import { selectAccountNames, selectKeyNames, selectUserNames } from '@/lib/audit-log/repository';
import type { DatabaseDeps } from '@/lib/db/deps';
import { tenantUserIds } from '@/lib/users/user-service';

/**
 * What the audit log's filters offer by name: the users and accounts whose events the reader may read (support and
 * the installation admin: all of them; an account admin: their tenant's), and the keys of the account picked, the
 * deleted ones included. A list never names what the log would not show.
 */

export interface AuditFilterChoices {
  users: UserName[];
  accounts: AccountName[];
  /** Empty until an account is picked: keys are picked within their account. */
  keys: KeyName[];
}

export async function auditFilterChoices(
  deps: DatabaseDeps,
  user: SessionUser,
  filter: Pick<AuditFilter, 'accountId'>,
): Promise<AuditFilterChoices> {
  const everything = seesEveryAccount(user);
  const userIds = everything ? undefined : [user.id, ...((await tenantUserIds(deps, user)) ?? [])];
  const keysReadable = filter.accountId !== undefined && !deniedReason(user, 'audit.read', filter.accountId);
  const [users, accounts, keys] = await Promise.all([
    selectUserNames(deps.prisma, userIds),
    selectAccountNames(deps.prisma, everything ? undefined : user.accountIds),
    keysReadable ? selectKeyNames(deps.prisma, filter.accountId!) : [],
  ]);
  return { users, accounts, keys };
}
