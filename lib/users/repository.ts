import 'server-only';
import type { Prisma, PrismaClient } from '@/lib/generated/prisma/client';
import type { Role } from '@/lib/generated/prisma/enums';

/**
 * Every read and write of the dashboard's users as the users service manages them (User, Membership, their
 * recovery codes), and nothing else: no rules, no permissions. Writes take a transaction client so that an audit
 * row can join them.
 */

export type Db = PrismaClient | Prisma.TransactionClient;

export const USER_SELECT = {
  id: true,
  email: true,
  name: true,
  role: true,
  totpEnabledAt: true,
  disabledAt: true,
  passwordHash: true,
  createdAt: true,
  memberships: { select: { accountId: true } },
} as const;

export type UserRow = Prisma.UserGetPayload<{ select: typeof USER_SELECT }>;

export function selectUser(db: Db, userId: string): Promise<UserRow | null> {
  return db.user.findUnique({ where: { id: userId }, select: USER_SELECT });
}

/** Users matching the SQL narrowing (undefined: every user), by email. */
export function selectUsers(db: Db, where: Prisma.UserWhereInput | undefined): Promise<UserRow[]> {
  return db.user.findMany({ where: where ?? {}, select: USER_SELECT, orderBy: { email: 'asc' } });
}

/** A duplicate email fails with P2002, an unknown account with P2003. */
export function insertUser(
  tx: Db,
  user: { email: string; name: string; role: Role; passwordHash: string | null; accountIds: readonly string[] },
): Promise<UserRow> {
  return tx.user.create({
    data: {
      email: user.email,
      name: user.name,
      role: user.role,
      passwordHash: user.passwordHash,
      memberships: { create: user.accountIds.map((accountId) => ({ accountId })) },
    },
    select: USER_SELECT,
  });
}

export async function replaceMemberships(tx: Db, userId: string, accountIds: readonly string[]): Promise<void> {
  await tx.membership.deleteMany({ where: { userId } });
  await tx.membership.createMany({ data: accountIds.map((accountId) => ({ userId, accountId })) });
}

export function updateUser(tx: Db, userId: string, data: Prisma.UserUpdateInput): Promise<UserRow> {
  return tx.user.update({ where: { id: userId }, data, select: USER_SELECT });
}

/** Removes the user's TOTP secret and recovery codes (with `data`, what else changes with it). */
export async function clearTwoFactor(tx: Db, userId: string, data: Prisma.UserUpdateInput): Promise<UserRow> {
  await tx.recoveryCode.deleteMany({ where: { userId } });
  return updateUser(tx, userId, { totpSecret: null, totpEnabledAt: null, totpLastStep: null, ...data });
}
