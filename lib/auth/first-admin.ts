import { z } from 'zod';
import { recordAuditEvent } from '@/lib/audit/record';
import { conflict } from '@/lib/errors/refusals';
import { hashPassword } from '@/lib/auth/password';
import { getPrisma } from '@/lib/db/client';
import type { RequestMeta } from '@/lib/auth/request-meta';
import { plainText } from '@/lib/validation/text';

/**
 * First run outside the demo: with no user at all, anyone who reaches /setup may create the first admin, once: the
 * installation admin (lib/auth/permissions.ts), who then manages support staff, settings and every user.
 * The count and the insert share a transaction holding an advisory lock, so two racing set-ups make one admin.
 */

export const firstAdminSchema = z.object({
  name: plainText({ max: 100 }).trim().min(1, 'Enter a name'),
  email: plainText({ max: 320 }).trim().toLowerCase().email('Enter an email address'),
  password: plainText({ max: 1000 }).min(12, 'Use at least 12 characters'),
});

const SETUP_LOCK = 4_204_204;

export async function needsFirstAdmin(): Promise<boolean> {
  return (await getPrisma().user.count()) === 0;
}

export async function createFirstAdmin(
  input: z.infer<typeof firstAdminSchema>,
  meta: RequestMeta,
): Promise<{ id: string }> {
  const passwordHash = await hashPassword(input.password);
  return getPrisma().$transaction(async (tx) => {
    await tx.$executeRaw`SELECT pg_advisory_xact_lock(${SETUP_LOCK})`;
    if ((await tx.user.count()) > 0) throw conflict('The dashboard is already set up: sign in instead.');
    const user = await tx.user.create({
      data: { name: input.name, email: input.email, role: 'INSTALLATION_ADMIN', passwordHash },
      select: { id: true },
    });
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
