import { getPrisma } from '@/lib/db/client';
import type { SessionUser } from '@/lib/auth/session-user';
import { isTwoFactorRequired } from '@/lib/auth/two-factor-policy';

/**
 * The user a session belongs to, read from the database on every request (a primary-key lookup plus the
 * membership index): a disabled user, a changed role or a removed membership takes effect at once, whatever the
 * JWT still says.
 */

export interface SessionUserState {
  user: SessionUser;
  /** Admins must enrol in 2FA when the setting says so; until then they may only enrol. */
  mustEnrolTwoFactor: boolean;
}

export async function loadSessionUser(userId: string): Promise<SessionUserState | null> {
  const prisma = getPrisma();
  const row = await prisma.user.findUnique({
    where: { id: userId },
    select: { id: true, email: true, name: true, role: true, disabledAt: true, totpEnabledAt: true, memberships: { select: { accountId: true } } },
  });
  if (!row || row.disabledAt) return null;
  const mustEnrolTwoFactor = row.role === 'ADMIN' && row.totpEnabledAt === null && (await isTwoFactorRequired(prisma, row.role));
  return {
    user: { id: row.id, email: row.email, name: row.name, role: row.role, accountIds: row.memberships.map((membership) => membership.accountId) },
    mustEnrolTwoFactor,
  };
}
