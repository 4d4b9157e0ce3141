import { ROLE_PERMISSIONS, type Actor } from '@/lib/auth/permissions';
import type { Prisma } from '@/lib/generated/prisma/client';

/**
 * The users of an account admin's tenant: those `mayManageUser` lets them manage. Candidates are narrowed in SQL to
 * users sharing an account with the admin (`tenantCandidates`); the rule itself stays in the permission table.
 */

/** The SQL narrowing: undefined for a role that manages every user (the installation admin). */
export function tenantCandidates(actor: Actor): Prisma.UserWhereInput | undefined {
  if (ROLE_PERMISSIONS[actor.role].userScope === 'installation') return undefined;
  return { memberships: { some: { accountId: { in: [...actor.accountIds] } } } };
}
