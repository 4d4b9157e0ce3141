import { mayManageUser, ROLE_PERMISSIONS, type Actor } from '@/lib/auth/permissions';
import type { PrismaClient } from '@/lib/generated/prisma/client';

/**
 * The users of an account admin's tenant: those `mayManageUser` lets them manage. Candidates are narrowed in SQL to
 * users sharing an account with the admin; the rule itself stays in the permission table. Undefined for a role
 * that manages every user (the installation admin): no narrowing.
 */
export async function tenantUserIds(prisma: Pick<PrismaClient, 'user'>, actor: Actor & { id: string }): Promise<string[] | undefined> {
  if (ROLE_PERMISSIONS[actor.role].userScope === 'installation') return undefined;
  const candidates = await prisma.user.findMany({
    where: { memberships: { some: { accountId: { in: [...actor.accountIds] } } } },
    select: { id: true, role: true, memberships: { select: { accountId: true } } },
  });
  const ids = candidates
    .filter((candidate) => mayManageUser(actor, { role: candidate.role, accountIds: candidate.memberships.map((membership) => membership.accountId) }))
    .map((candidate) => candidate.id);
  return ids.includes(actor.id) ? ids : [...ids, actor.id];
}
