import { z } from 'zod';
import { recordAuditEvent } from '@/lib/audit/record';
import { hashPassword, verifyPassword } from '@/lib/auth/password';
import type { SessionUser } from '@/lib/auth/session-user';
import { endAllSessionsData } from '@/lib/auth/session-revocation';
import type { RequestMeta } from '@/lib/auth/request-meta';
import { getPrisma } from '@/lib/db/client';
import { conflict, invalidRequest } from '@/lib/errors/refusals';
import { plainText } from '@/lib/validation/text';

/**
 * A user changes their own password: the current one proves it is them (a session left open on a shared machine is
 * not enough), and the change ends every other session of theirs, so someone who had the old password, or a
 * session made with it, keeps nothing. The route keeps the session that made the change (withPermission's
 * renewSession). Neither password reaches a log or the audit row.
 */

export const passwordChangeSchema = z.object({
  currentPassword: plainText({ max: 1000 }).min(1, 'Enter your current password'),
  newPassword: plainText({ max: 1000 }).min(12, 'Use at least 12 characters'),
});

export type PasswordChange = z.infer<typeof passwordChangeSchema>;

export async function changeOwnPassword(
  user: SessionUser,
  change: PasswordChange,
  meta: RequestMeta,
): Promise<{ sessionVersion: number }> {
  const prisma = getPrisma();
  const row = await prisma.user.findUniqueOrThrow({ where: { id: user.id }, select: { passwordHash: true } });
  const audit = (outcome: 'success' | 'failure', reason?: string) =>
    recordAuditEvent(prisma, {
      actorId: user.id,
      actorEmail: user.email,
      actorRole: user.role,
      action: 'auth.password_change',
      params: reason ? { reason } : {},
      outcome,
      ...meta,
    });
  if (!row.passwordHash)
    throw conflict('You sign in through single sign-on: there is no dashboard password to change.');
  if (!(await verifyPassword(row.passwordHash, change.currentPassword))) {
    await audit('failure', 'wrong current password');
    throw invalidRequest([{ path: ['currentPassword'], message: 'That is not your current password.' }]);
  }
  if (change.newPassword === change.currentPassword)
    throw invalidRequest([{ path: ['newPassword'], message: 'Choose a password other than the current one.' }]);
  const passwordHash = await hashPassword(change.newPassword);
  return prisma.$transaction(async (tx) => {
    const updated = await tx.user.update({
      where: { id: user.id },
      data: { passwordHash, ...endAllSessionsData() },
      select: { sessionVersion: true },
    });
    await recordAuditEvent(tx, {
      actorId: user.id,
      actorEmail: user.email,
      actorRole: user.role,
      action: 'auth.password_change',
      params: {},
      outcome: 'success',
      ...meta,
    });
    return { sessionVersion: updated.sessionVersion };
  });
}
