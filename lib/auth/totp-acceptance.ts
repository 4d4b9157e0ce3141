import 'server-only';
import type { Prisma, PrismaClient } from '@/lib/generated/prisma/client';
import { totpStep } from '@/lib/auth/totp';

/**
 * A TOTP code is accepted once: the step it belongs to must be later than the last step accepted for the user, and
 * recording it is one conditional UPDATE, so two requests racing with the same code cannot both win. A code seen
 * over someone's shoulder, or replayed from a captured request, is refused within its window.
 */
export async function acceptTotpCode(
  db: Pick<PrismaClient, '$executeRaw'> | Prisma.TransactionClient,
  userId: string,
  secretBase32: string,
  code: string,
): Promise<boolean> {
  const step = totpStep(secretBase32, code);
  if (step === null) return false;
  const claimed = await db.$executeRaw`
    UPDATE "User" SET "totpLastStep" = ${step}
     WHERE "id" = ${userId} AND ("totpLastStep" IS NULL OR "totpLastStep" < ${step})`;
  return claimed === 1;
}
