import 'server-only';
import type { Prisma, PrismaClient } from '@/lib/generated/prisma/client';
import { endAllSessionsData } from '@/lib/auth/session-revocation';

/**
 * The reads and writes of a user's own sign-in (password hash, TOTP secret and state, session version) and of the
 * first admin, for the auth services beside this file (password change, 2FA enrolment, setup): no rules, no
 * permissions. Writes that end sessions answer the new session version, under which the route keeps its own.
 */

export type Db = PrismaClient | Prisma.TransactionClient;

/** The user with this email (lower-cased) as signing in needs them: password hash, TOTP, state, memberships. */
export function selectSignInUser(db: Db, email: string) {
  return db.user.findUnique({ where: { email }, include: { memberships: { select: { accountId: true } } } });
}

/** The user's sign-in state: whether TOTP is on (and since when), the pending or active secret, the password hash. */
export function selectOwnSignIn(
  db: Db,
  userId: string,
): Promise<{ totpEnabledAt: Date | null; totpSecret: string | null; passwordHash: string | null }> {
  return db.user.findUniqueOrThrow({
    where: { id: userId },
    select: { totpEnabledAt: true, totpSecret: true, passwordHash: true },
  });
}

/** A new password; every session of the user ends. */
export async function updatePasswordHash(tx: Db, userId: string, passwordHash: string): Promise<number> {
  const row = await tx.user.update({
    where: { id: userId },
    data: { passwordHash, ...endAllSessionsData() },
    select: { sessionVersion: true },
  });
  return row.sessionVersion;
}

/** A TOTP secret (encrypted) stored but not yet in force: enrolment confirms it. */
export async function storePendingTotpSecret(db: Db, userId: string, totpSecret: string): Promise<void> {
  await db.user.update({ where: { id: userId }, data: { totpSecret } });
}

/** The stored secret in force from `at`; every session of the user ends. */
export async function enableTotp(tx: Db, userId: string, at: Date): Promise<number> {
  const row = await tx.user.update({
    where: { id: userId },
    data: { totpEnabledAt: at, ...endAllSessionsData() },
    select: { sessionVersion: true },
  });
  return row.sessionVersion;
}

export function countUsers(db: Db): Promise<number> {
  return db.user.count();
}

const SETUP_LOCK = 4_204_204;

/** Holds, until the transaction ends, the lock that makes two racing set-ups one. */
export async function lockSetup(tx: Db): Promise<void> {
  await tx.$executeRaw`SELECT pg_advisory_xact_lock(${SETUP_LOCK})`;
}

export function insertInstallationAdmin(
  tx: Db,
  admin: { name: string; email: string; passwordHash: string },
): Promise<{ id: string }> {
  return tx.user.create({ data: { ...admin, role: 'INSTALLATION_ADMIN' }, select: { id: true } });
}
