import 'server-only';
import { auditActor, recordAuditEvent } from '@/lib/audit/record';
import { accessDenied, conflict, invalid } from '@/lib/errors/refusals';
import { errorText } from '@/lib/errors/text/localized-text';
import { grantableAccountIds, mayGrantRole, mayManageUser } from '@/lib/auth/permissions';
import { endAllSessionsData } from '@/lib/auth/session-revocation';
import { tenantCandidates } from '@/lib/auth/tenant-users';
import { hashPassword } from '@/lib/auth/password';
import { sessionUserOf, type SessionUser } from '@/lib/auth/session-user';
import { readAdminTwoFactorSetting, writeAdminTwoFactorSetting } from '@/lib/auth/two-factor-policy';
import type { RequestMeta } from '@/lib/auth/request-meta';
import type { DatabaseDeps } from '@/lib/db/deps';
import { prismaErrorCode } from '@/lib/db/prisma-error-code';
import type { Role } from '@/lib/generated/prisma/enums';
import type { NewUserInput, UserChange } from '@/lib/users/user-input';
import {
  clearTwoFactor,
  insertUser,
  replaceMemberships,
  selectUser,
  selectUsers,
  updateUser,
  type UserRow,
} from '@/lib/users/repository';

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

function toSummary(row: UserRow): UserSummary {
  return {
    ...sessionUserOf(row),
    twoFactorEnabled: row.totpEnabledAt !== null,
    disabled: row.disabledAt !== null,
    signsInWithPassword: row.passwordHash !== null,
    createdAt: row.createdAt.toISOString(),
  };
}

function assertGrantable(admin: SessionUser, change: { role?: Role; accountIds?: readonly string[] }): void {
  if (change.role !== undefined && !mayGrantRole(admin, change.role)) {
    throw accessDenied(errorText('forbidden.grantRole', { role: change.role }));
  }
  const grantable = grantableAccountIds(admin);
  if (change.accountIds === undefined || grantable === undefined) return;
  const foreign = change.accountIds.find((accountId) => !grantable.in.includes(accountId));
  if (foreign !== undefined) throw accessDenied(errorText('forbidden.foreignAccount'), foreign);
  if (change.accountIds.length === 0) throw invalid('users.atLeastOneAccount');
}

const manageable = (admin: SessionUser, row: UserRow) => mayManageUser(admin, sessionUserOf(row));

async function loadManageable(deps: DatabaseDeps, admin: SessionUser, userId: string): Promise<UserRow> {
  const row = await selectUser(deps.prisma, userId);
  // Someone else's user is answered like a missing one: an account admin learns nothing about other tenants.
  if (!row || !manageable(admin, row)) {
    throw accessDenied(errorText('forbidden.foreignUser'));
  }
  return row;
}

/** The users the admin manages: narrowed in SQL to their tenant's candidates, decided by `mayManageUser`. */
async function manageableUsers(deps: DatabaseDeps, admin: SessionUser): Promise<UserRow[]> {
  const rows = await selectUsers(deps.prisma, tenantCandidates(admin));
  return rows.filter((row) => manageable(admin, row));
}

export async function listUsers(deps: DatabaseDeps, admin: SessionUser): Promise<UserSummary[]> {
  return (await manageableUsers(deps, admin)).map(toSummary);
}

/** The ids of the actor's tenant's users (those it manages); undefined for a role that manages every user. */
export async function tenantUserIds(deps: DatabaseDeps, actor: SessionUser): Promise<string[] | undefined> {
  if (tenantCandidates(actor) === undefined) return undefined;
  return (await manageableUsers(deps, actor)).map((row) => row.id);
}

/** Whether the installation requires two-factor authentication of admins. */
export function adminTwoFactorRequired(deps: DatabaseDeps): Promise<boolean> {
  return readAdminTwoFactorSetting(deps.prisma);
}

export async function createUser(
  deps: DatabaseDeps,
  admin: SessionUser,
  input: NewUserInput,
  meta: RequestMeta,
): Promise<UserSummary> {
  assertGrantable(admin, input);
  const passwordHash = input.password ? await hashPassword(input.password) : null;
  try {
    return await deps.prisma.$transaction(async (tx) => {
      const row = await insertUser(tx, { ...input, passwordHash });
      await recordAuditEvent(tx, {
        ...auditActor(admin),
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
    if (prismaErrorCode(error) === 'P2002') throw conflict('users.emailTaken', { values: { email: input.email } });
    if (prismaErrorCode(error) === 'P2003') throw invalid('users.noSuchAccount');
    throw error;
  }
}

export async function changeUser(
  deps: DatabaseDeps,
  admin: SessionUser,
  userId: string,
  change: UserChange,
  meta: RequestMeta,
): Promise<UserSummary> {
  const target = await loadManageable(deps, admin, userId);
  assertGrantable(admin, change);
  if (userId === admin.id && (change.disabled === true || (change.role && change.role !== admin.role))) {
    // An admin locking themselves out could leave the dashboard with nobody to manage it.
    throw conflict('users.notYourself');
  }
  return deps.prisma.$transaction(async (tx) => {
    if (change.accountIds) await replaceMemberships(tx, userId, change.accountIds);
    const row = await updateUser(tx, userId, {
      ...(change.role ? { role: change.role } : {}),
      ...(change.disabled === undefined
        ? {}
        : { disabledAt: change.disabled ? (target.disabledAt ?? new Date()) : null }),
      // A new role or a disabled account ends the user's sessions at once (memberships are read on every request).
      ...((change.role && change.role !== target.role) || change.disabled === true ? endAllSessionsData() : {}),
    });
    const action =
      change.disabled === true ? 'user.disable' : change.disabled === false ? 'user.enable' : 'user.update';
    await recordAuditEvent(tx, {
      ...auditActor(admin),
      action,
      params: { userId, email: target.email, ...change, previousRole: target.role },
      outcome: 'success',
      ...meta,
    });
    return toSummary(row);
  });
}

export async function resetTwoFactor(
  deps: DatabaseDeps,
  admin: SessionUser,
  userId: string,
  meta: RequestMeta,
): Promise<UserSummary> {
  const target = await loadManageable(deps, admin, userId);
  return deps.prisma.$transaction(async (tx) => {
    const row = await clearTwoFactor(tx, userId, endAllSessionsData());
    await recordAuditEvent(tx, {
      ...auditActor(admin),
      action: 'user.reset_two_factor',
      params: { userId, email: target.email },
      outcome: 'success',
      ...meta,
    });
    return toSummary(row);
  });
}

export async function setAdminTwoFactorRequired(
  deps: DatabaseDeps,
  admin: SessionUser,
  required: boolean,
  meta: RequestMeta,
): Promise<void> {
  await deps.prisma.$transaction(async (tx) => {
    await writeAdminTwoFactorSetting(tx, required);
    await recordAuditEvent(tx, {
      ...auditActor(admin),
      action: 'settings.require_admin_two_factor',
      params: { required },
      outcome: 'success',
      ...meta,
    });
  });
}
