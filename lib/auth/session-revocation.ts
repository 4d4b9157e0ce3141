import 'server-only';
import type { PrismaClient } from '@/lib/generated/prisma/client';
import type { SessionToken } from '@/lib/auth/session-cookie';

/**
 * Signing out ends the session on the server, not only in the browser: its id is recorded until the session would
 * have expired anyway, and the session lookup (one statement, lib/auth/session-user-lookup.ts) refuses it from then
 * on, so a cookie copied before sign-out stops working at once. Expired records are pruned as new ones come.
 */
export async function revokeSession(
  prisma: Pick<PrismaClient, '$executeRaw'>,
  token: Pick<SessionToken, 'sub' | 'sid' | 'exp'>,
): Promise<void> {
  if (!token.sid) return;
  const expiresAt = new Date((token.exp ?? Math.floor(Date.now() / 1000) + 86_400) * 1000);
  await prisma.$executeRaw`
    INSERT INTO "RevokedSession" ("id", "userId", "expiresAt") VALUES (${token.sid}, ${token.sub}, ${expiresAt})
    ON CONFLICT ("id") DO NOTHING`;
  await prisma.$executeRaw`DELETE FROM "RevokedSession" WHERE "expiresAt" < now()`;
}

/** Ends every session of a user (a new password, 2FA switched on or off, a new role, disabled): they sign in again. */
export function endAllSessionsData() {
  return { sessionVersion: { increment: 1 } } as const;
}
