import { recordAuditEvent } from '@/lib/audit/record';
import { AccessDeniedError, RequestRefusedError } from '@/lib/auth/access-denied';
import { hashPassword } from '@/lib/auth/password';
import type { SessionUser } from '@/lib/auth/session-user';
import { writeAdminTwoFactorSetting } from '@/lib/auth/two-factor-policy';
import type { RequestMeta } from '@/lib/auth/with-permission';
import { getPrisma } from '@/lib/db/client';
import { Prisma } from '@/lib/generated/prisma/client';
import type { NewUserInput, UserChange } from '@/lib/users/user-input';

/**
 * Users, roles and memberships. An admin's reach is their own tenant: they manage users whose memberships all lie
 * within their own accounts (users with none, such as new or support users, included) and grant only accounts
 * they are members of. Anything else is an AccessDeniedError: 403, audited.
 */

export interface UserSummary {
  id: string;
  email: string;
  name: string;
  role: 'ADMIN' | 'SUPPORT' | 'LEAD';
  accountIds: string[];
  twoFactorEnabled: boolean;
  disabled: boolean;
  signsInWithPassword: boolean;
  createdAt: string;
}

const USER_SELECT = {
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

type UserRow = Prisma.UserGetPayload<{ select: typeof USER_SELECT }>;

function toSummary(row: UserRow): UserSummary {
  return {
    id: row.id,
    email: row.email,
    name: row.name,
    role: row.role,
    accountIds: row.memberships.map((membership) => membership.accountId),
    twoFactorEnabled: row.totpEnabledAt !== null,
    disabled: row.disabledAt !== null,
    signsInWithPassword: row.passwordHash !== null,
    createdAt: row.createdAt.toISOString(),
  };
}

const actorOf = (user: SessionUser) => ({ actorId: user.id, actorEmail: user.email, actorRole: user.role });

function withinTenant(admin: SessionUser, accountIds: readonly string[]): boolean {
  return accountIds.every((accountId) => admin.accountIds.includes(accountId));
}

function assertGrantable(admin: SessionUser, accountIds: readonly string[]): void {
  const foreign = accountIds.find((accountId) => !admin.accountIds.includes(accountId));
  if (foreign !== undefined) throw new AccessDeniedError('You can only give access to sendSMS accounts you are a member of', foreign);
}

async function loadManageable(admin: SessionUser, userId: string): Promise<UserRow> {
  const row = await getPrisma().user.findUnique({ where: { id: userId }, select: USER_SELECT });
  if (!row) throw new RequestRefusedError(422, 'No such user');
  const memberships = row.memberships.map((membership) => membership.accountId);
  if (!withinTenant(admin, memberships)) {
    throw new AccessDeniedError('This user belongs to a sendSMS account you are not a member of', memberships.find((id) => !admin.accountIds.includes(id)) ?? null);
  }
  return row;
}

export async function listUsers(admin: SessionUser): Promise<UserSummary[]> {
  const rows = await getPrisma().user.findMany({ select: USER_SELECT, orderBy: { email: 'asc' } });
  return rows.filter((row) => withinTenant(admin, row.memberships.map((membership) => membership.accountId))).map(toSummary);
}

export async function createUser(admin: SessionUser, input: NewUserInput, meta: RequestMeta): Promise<UserSummary> {
  assertGrantable(admin, input.accountIds);
  const passwordHash = input.password ? await hashPassword(input.password) : null;
  try {
    return await getPrisma().$transaction(async (tx) => {
      const row = await tx.user.create({
        data: { email: input.email, name: input.name, role: input.role, passwordHash, memberships: { create: input.accountIds.map((accountId) => ({ accountId })) } },
        select: USER_SELECT,
      });
      await recordAuditEvent(tx, {
        ...actorOf(admin),
        action: 'user.create',
        params: { userId: row.id, email: input.email, role: input.role, accountIds: input.accountIds, password: input.password ? 'set' : null },
        outcome: 'success',
        ...meta,
      });
      return toSummary(row);
    });
  } catch (error) {
    if (error instanceof Prisma.PrismaClientKnownRequestError && error.code === 'P2002') throw new RequestRefusedError(409, `A user with the email ${input.email} already exists.`);
    if (error instanceof Prisma.PrismaClientKnownRequestError && error.code === 'P2003') throw new RequestRefusedError(422, 'One of the sendSMS accounts does not exist.');
    throw error;
  }
}

export async function changeUser(admin: SessionUser, userId: string, change: UserChange, meta: RequestMeta): Promise<UserSummary> {
  const target = await loadManageable(admin, userId);
  if (change.accountIds) assertGrantable(admin, change.accountIds);
  if (userId === admin.id && (change.disabled === true || (change.role && change.role !== 'ADMIN'))) {
    // An admin locking themselves out could leave the dashboard with nobody to manage it.
    throw new RequestRefusedError(409, 'You cannot disable yourself or give up your own admin role; ask another admin.');
  }
  return getPrisma().$transaction(async (tx) => {
    if (change.accountIds) {
      await tx.membership.deleteMany({ where: { userId } });
      await tx.membership.createMany({ data: change.accountIds.map((accountId) => ({ userId, accountId })) });
    }
    const row = await tx.user.update({
      where: { id: userId },
      data: {
        ...(change.role ? { role: change.role } : {}),
        ...(change.disabled === undefined ? {} : { disabledAt: change.disabled ? (target.disabledAt ?? new Date()) : null }),
      },
      select: USER_SELECT,
    });
    const action = change.disabled === true ? 'user.disable' : change.disabled === false ? 'user.enable' : 'user.update';
    await recordAuditEvent(tx, {
      ...actorOf(admin),
      action,
      params: { userId, email: target.email, ...change, previousRole: target.role },
      outcome: 'success',
      ...meta,
    });
    return toSummary(row);
  });
}

export async function resetTwoFactor(admin: SessionUser, userId: string, meta: RequestMeta): Promise<UserSummary> {
  const target = await loadManageable(admin, userId);
  return getPrisma().$transaction(async (tx) => {
    await tx.recoveryCode.deleteMany({ where: { userId } });
    const row = await tx.user.update({ where: { id: userId }, data: { totpSecret: null, totpEnabledAt: null }, select: USER_SELECT });
    await recordAuditEvent(tx, { ...actorOf(admin), action: 'user.reset_two_factor', params: { userId, email: target.email }, outcome: 'success', ...meta });
    return toSummary(row);
  });
}

export async function setAdminTwoFactorRequired(admin: SessionUser, required: boolean, meta: RequestMeta): Promise<void> {
  await getPrisma().$transaction(async (tx) => {
    await writeAdminTwoFactorSetting(tx, required);
    await recordAuditEvent(tx, { ...actorOf(admin), action: 'settings.require_admin_two_factor', params: { required }, outcome: 'success', ...meta });
  });
}
