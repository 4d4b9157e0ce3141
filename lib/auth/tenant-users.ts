import { mayManageUser, ROLE_PERMISSIONS, type Actor } from '@/lib/auth/permissions';
import type { Prisma, PrismaClient } from '@/lib/generated/prisma/client';

/**
 * The users of an account admin's tenant: those `mayManageUser` lets them manage. Candidates are narrowed in SQL to
 * users sharing an account with the admin (`tenantCandidates`); the rule itself stays in the permission table.
 */

/** The SQL narrowing: undefined for a role that manages every user (the installation admin). */
export function tenantCandidates(actor: Actor): Prisma.UserWhereInput | undefined {
  if (ROLE_PERMISSIONS[actor.role].userScope === 'installation') return undefined;
  return { memberships: { some: { accountId: { in: [...actor.accountIds] } } } };
}

/** The ids of the tenant's users; undefined for a role that manages every user. */
export async function tenantUserIds(prisma: Pick<PrismaClient, 'user'>, actor: Actor): Promise<string[] | undefined> {
  const where = tenantCandidates(actor);
  if (!where) return undefined;
  const candidates = await prisma.user.findMany({
    where,
    select: { id: true, role: true, memberships: { select: { accountId: true } } },
  });
  return candidates
    .filter((candidate) =>
      mayManageUser(actor, {
        role: candidate.role,
        accountIds: candidate.memberships.map((membership) => membership.accountId),
      }),
    )
    .map((candidate) => candidate.id);
}
