import 'server-only';
import { z } from 'zod';
import { recordAuditEvent } from '@/lib/audit/record';
import { countUsers, insertInstallationAdmin, lockSetup } from '@/lib/auth/repository';
import { conflict } from '@/lib/errors/refusals';
import { hashPassword } from '@/lib/auth/password';
import type { DatabaseDeps } from '@/lib/db/deps';
import type { RequestMeta } from '@/lib/auth/request-meta';
import { atLeast, filled, issueText } from '@/lib/validation/issue-text';
import { isEmail, plainText } from '@/lib/validation/text';

/**
 * First run outside the demo: with no user at all, anyone who reaches /setup may create the first admin, once: the
 * installation admin (lib/auth/permissions.ts), who then manages support staff, settings and every user.
 * The count and the insert share a transaction holding an advisory lock, so two racing set-ups make one admin.
 */

export const firstAdminSchema = z.object({
  name: plainText({ max: 100 }).trim().refine(filled, issueText('users.enterName')),
  email: plainText({ max: 320 }).trim().toLowerCase().refine(isEmail, issueText('users.enterEmail')),
  password: plainText({ max: 1000 }).refine(atLeast(12), issueText('auth.passwordLength', { minimum: 12 })),
});

export async function needsFirstAdmin(deps: DatabaseDeps): Promise<boolean> {
  return (await countUsers(deps.prisma)) === 0;
}

export async function createFirstAdmin(
  deps: DatabaseDeps,
  input: z.infer<typeof firstAdminSchema>,
  meta: RequestMeta,
): Promise<{ id: string }> {
  const passwordHash = await hashPassword(input.password);
  return deps.prisma.$transaction(async (tx) => {
    await lockSetup(tx);
    if ((await countUsers(tx)) > 0) throw conflict('auth.alreadySetUp');
    const user = await insertInstallationAdmin(tx, { name: input.name, email: input.email, passwordHash });
    await recordAuditEvent(tx, {
      actorId: user.id,
      actorEmail: input.email,
      actorRole: 'INSTALLATION_ADMIN',
      action: 'auth.setup',
      params: { email: input.email },
      outcome: 'success',
      ...meta,
    });
    return user;
  });
}
