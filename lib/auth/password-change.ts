import 'server-only';
import { z } from 'zod';
import { ownSignInAudit } from '@/lib/audit/record';
import type { DatabaseDeps } from '@/lib/db/deps';
import { selectOwnSignIn, updatePasswordHash } from '@/lib/auth/repository';
import { hashPassword, verifyPassword } from '@/lib/auth/password';
import type { SessionUser } from '@/lib/auth/session-user';
import type { RequestMeta } from '@/lib/auth/request-meta';
import { conflict, invalidRequest } from '@/lib/errors/refusals';
import { errorText } from '@/lib/errors/text/localized-text';
import { atLeast, filled, issueText } from '@/lib/validation/issue-text';
import { plainText } from '@/lib/validation/text';

/**
 * A user changes their own password: the current one proves it is them (a session left open on a shared machine is
 * not enough), and the change ends every other session of theirs, so someone who had the old password, or a
 * session made with it, keeps nothing. The route keeps the session that made the change (withPermission's
 * renewSession). Neither password reaches a log or the audit row.
 */

export const passwordChangeSchema = z.object({
  currentPassword: plainText({ max: 1000 }).refine(filled, issueText('auth.enterCurrentPassword')),
  newPassword: plainText({ max: 1000 }).refine(atLeast(12), issueText('auth.passwordLength', { minimum: 12 })),
});

export type PasswordChange = z.infer<typeof passwordChangeSchema>;

export async function changeOwnPassword(
  deps: DatabaseDeps,
  user: SessionUser,
  change: PasswordChange,
  meta: RequestMeta,
): Promise<{ sessionVersion: number }> {
  const row = await selectOwnSignIn(deps.prisma, user.id);
  const audit = ownSignInAudit(user, 'auth.password_change', meta);
  if (!row.passwordHash) throw conflict('auth.singleSignOn');
  if (!(await verifyPassword(row.passwordHash, change.currentPassword))) {
    await audit(deps.prisma, 'failure', 'wrong current password');
    throw invalidRequest([{ path: ['currentPassword'], text: errorText('auth.wrongCurrentPassword') }]);
  }
  if (change.newPassword === change.currentPassword)
    throw invalidRequest([{ path: ['newPassword'], text: errorText('auth.samePassword') }]);
  const passwordHash = await hashPassword(change.newPassword);
  return deps.prisma.$transaction(async (tx) => {
    const sessionVersion = await updatePasswordHash(tx, user.id, passwordHash);
    await audit(tx, 'success');
    return { sessionVersion };
  });
}
