import { recordAuditEvent } from '@/lib/audit/record';
import { accessDenied, conflict, invalid } from '@/lib/errors/refusals';
import { grantableAccountIds, mayGrantRole, mayManageUser } from '@/lib/auth/permissions';
import { ROLE_NAMES } from '@/lib/auth/role-names';
import { endAllSessionsData } from '@/lib/auth/session-revocation';
import { tenantCandidates } from '@/lib/auth/tenant-users';
import { hashPassword } from '@/lib/auth/password';
import type { SessionUser } from '@/lib/auth/session-user';
import { writeAdminTwoFactorSetting } from '@/lib/auth/two-factor-policy';
import type { RequestMeta } from '@/lib/auth/with-permission';
import { getPrisma } from '@/lib/db/client';
import { prismaErrorCode } from '@/lib/db/prisma-error-code';
import { Prisma } from '@/lib/generated/prisma/client';
import type { Role } from '@/lib/generated/prisma/enums';
import type { NewUserInput, UserChange } from '@/lib/users/user-input';

/**
 * Users, roles and memberships. The installation admin manages every user and grants any role and account. An
 * account admin's reach is their own tenant (lib/auth/permissions.ts `mayManageUser`): users of a role they may
 * grant whose memberships all lie within the admin's own accounts, with at least one; they grant only those
 * accounts and those roles, and every user they make keeps at least one account, so that nobody they create
 * falls outside every tenant. Anything else is accessDenied(): 403, audited.
 */

export interface UserSummary {
  id: string;
  email: string;
  name: string;
  role: Role;
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

function assertGrantable(admin: SessionUser, change: { role?: Role; accountIds?: readonly string[] }): void {
  if (change.role !== undefined && !mayGrantRole(admin, change.role)) {
    throw accessDenied(`Only the installation admin can make someone ${ROLE_NAMES[change.role].toLowerCase()}`);
  }
  const grantable = grantableAccountIds(admin);
  if (change.accountIds === undefined || grantable === undefined) return;
  const foreign = change.accountIds.find((accountId) => !grantable.in.includes(accountId));
  if (foreign !== undefined)
    throw accessDenied('You can only give access to sendSMS accounts you are a member of', foreign);
  if (change.accountIds.length === 0) throw invalid('Give the user at least one of your sendSMS accounts.');
}

const membershipsOf = (row: UserRow) => row.memberships.map((membership) => membership.accountId);

async function loadManageable(admin: SessionUser, userId: string): Promise<UserRow> {
  const row = await getPrisma().user.findUnique({ where: { id: userId }, select: USER_SELECT });
  // Someone else's user is answered like a missing one: an account admin learns nothing about other tenants.
  if (!row || !mayManageUser(admin, { role: row.role, accountIds: membershipsOf(row) })) {
    throw accessDenied('You can only manage users of your own sendSMS accounts');
  }
  return row;
}

export async function listUsers(admin: SessionUser): Promise<UserSummary[]> {
  const rows = await getPrisma().user.findMany({
    where: tenantCandidates(admin) ?? {},
    select: USER_SELECT,
    orderBy: { email: 'asc' },
  });
  return rows.filter((row) => mayManageUser(admin, { role: row.role, accountIds: membershipsOf(row) })).map(toSummary);
}

export async function createUser(admin: SessionUser, input: NewUserInput, meta: RequestMeta): Promise<UserSummary> {
  assertGrantable(admin, input);
  const passwordHash = input.password ? await hashPassword(input.password) : null;
  try {
    return await getPrisma().$transaction(async (tx) => {
      const row = await tx.user.create({
        data: {
          email: input.email,
          name: input.name,
          role: input.role,
          passwordHash,
          memberships: { create: input.accountIds.map((accountId) => ({ accountId })) },
        },
        select: USER_SELECT,
      });
      await recordAuditEvent(tx, {
        ...actorOf(admin),
        action: 'user.create',
        params: {
          userId: row.id,
          email: input.email,
          role: input.role,
          accountIds: input.accountIds,
          password: input.password ? 'set' : null,
        },
        outcome: 'success',
        ...meta,
      });
      return toSummary(row);
    });
  } catch (error) {
    if (prismaErrorCode(error) === 'P2002') throw conflict(`A user with the email ${input.email} already exists.`);
    if (prismaErrorCode(error) === 'P2003') throw invalid('One of the sendSMS accounts does not exist.');
    throw error;
  }
}

export async function changeUser(
  admin: SessionUser,
  userId: string,
  change: UserChange,
  meta: RequestMeta,
): Promise<UserSummary> {
  const target = await loadManageable(admin, userId);
  assertGrantable(admin, change);
  if (userId === admin.id && (change.disabled === true || (change.role && change.role !== admin.role))) {
    // An admin locking themselves out could leave the dashboard with nobody to manage it.
    throw conflict('You cannot disable yourself or give up your own admin role; ask another admin.');
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
        ...(change.disabled === undefined
          ? {}
          : { disabledAt: change.disabled ? (target.disabledAt ?? new Date()) : null }),
        // A new role or a disabled account ends the user's sessions at once (memberships are read on every request).
        ...((change.role && change.role !== target.role) || change.disabled === true ? endAllSessionsData() : {}),
      },
      select: USER_SELECT,
    });
    const action =
      change.disabled === true ? 'user.disable' : change.disabled === false ? 'user.enable' : 'user.update';
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
    const row = await tx.user.update({
      where: { id: userId },
      data: { totpSecret: null, totpEnabledAt: null, totpLastStep: null, ...endAllSessionsData() },
      select: USER_SELECT,
    });
    await recordAuditEvent(tx, {
      ...actorOf(admin),
      action: 'user.reset_two_factor',
      params: { userId, email: target.email },
      outcome: 'success',
      ...meta,
    });
    return toSummary(row);
  });
}

export async function setAdminTwoFactorRequired(
  admin: SessionUser,
  required: boolean,
  meta: RequestMeta,
): Promise<void> {
  await getPrisma().$transaction(async (tx) => {
    await writeAdminTwoFactorSetting(tx, required);
    await recordAuditEvent(tx, {
      ...actorOf(admin),
      action: 'settings.require_admin_two_factor',
      params: { required },
      outcome: 'success',
      ...meta,
    });
  });
}
