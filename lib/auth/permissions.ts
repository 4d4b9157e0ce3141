import type { Role } from '@/lib/generated/prisma/enums';
import { roleAsSubject } from '@/lib/auth/role-names';

/**
 * Who may do what: the one table that the server enforces and the UI reads (a control a role may not use stays
 * visible, disabled, with the reason from `deniedReason`). Account-scoped permissions also need the account: a
 * permission that changes something needs a membership of it; reads need one too unless the role reads every
 * account (support staff, the installation admin). Tenants are kept apart here: an account admin's reach ends at
 * their accounts and the users of those accounts; only the installation admin manages every user, support staff
 * and installation-wide settings.
 */

export const PERMISSIONS = [
  /** List keys, their kinds, masked fragments, Locked On IPs, lock state, last used and use counts. */
  'keys.read',
  /** Generate, import, rename and delete keys. */
  'keys.manage',
  /** Authorize an IP for a key (token_add_ip). */
  'ips.authorize',
  /** Usage over time. */
  'usage.read',
  /** Run read-only requests in the request builder (token_list_ips, balance, info, ping). */
  'requests.read',
  /** Run requests that change something (token_add_ip and the other key actions). */
  'requests.write',
  /** See the sendSMS accounts: label, username, balance, capabilities, credential age (never the credential). */
  'accounts.read',
  /** Add sendSMS accounts, rotate their credentials, manage memberships. */
  'accounts.manage',
  /** Create users, set roles, reset 2FA, disable users: which users and roles is the role's `userScope`. */
  'users.manage',
  /** Installation-wide settings (2FA required for admins). Not account-scoped. */
  'installation.manage',
  /** Read the audit log. */
  'audit.read',
  /** Enrol one's own sign-in in TOTP two-factor authentication. Not account-scoped; every role has it. */
  'two_factor.enrol',
  /** Change one's own password. Not account-scoped; every role has it. */
  'password.change',
  /** Choose one's own language and time zone. Not account-scoped; every role has it. */
  'preferences.change',
] as const;

export type Permission = (typeof PERMISSIONS)[number];

/** Permissions that change nothing: the only ones a role's `readScope: 'all'` extends to every account. */
const READ_PERMISSIONS: ReadonlySet<Permission> = new Set([
  'keys.read',
  'usage.read',
  'requests.read',
  'accounts.read',
  'audit.read',
]);

export interface RolePolicy {
  permissions: readonly Permission[];
  /**
   * Which accounts the role reads: 'members', only those the user is a member of; 'all', every account. Whatever
   * it says, a permission that changes something needs a membership of the account.
   */
  readScope: 'members' | 'all';
  /**
   * Whose users the role manages (with users.manage): 'installation', every user; 'tenant', users whose
   * memberships all lie within the actor's own accounts (and who have at least one), of a role it may grant.
   */
  userScope: 'installation' | 'tenant' | 'none';
  /** The roles the role may give to a user it creates or changes. */
  grantableRoles: readonly Role[];
  /** Whether "2FA required for admins" applies to the role. */
  countsAsAdmin: boolean;
  /** Shown in the UI to say what the role is for. */
  description: string;
}

/** An account admin may do everything but run the installation. */
const ACCOUNT_ADMIN_PERMISSIONS: readonly Permission[] = PERMISSIONS.filter(
  (permission) => permission !== 'installation.manage',
);

export const ROLE_PERMISSIONS: Record<Role, RolePolicy> = {
  INSTALLATION_ADMIN: {
    permissions: PERMISSIONS,
    readScope: 'all',
    userScope: 'installation',
    grantableRoles: ['INSTALLATION_ADMIN', 'ADMIN', 'SUPPORT', 'LEAD'],
    countsAsAdmin: true,
    description:
      'Runs this installation: manages support staff, installation-wide settings and every user; reads every account and manages those they are a member of.',
  },
  ADMIN: {
    permissions: ACCOUNT_ADMIN_PERMISSIONS,
    readScope: 'members',
    userScope: 'tenant',
    grantableRoles: ['ADMIN', 'LEAD'],
    countsAsAdmin: true,
    description:
      'Manages the sendSMS accounts they are members of: keys, IPs, credentials, and the users of those accounts.',
  },
  SUPPORT: {
    permissions: [
      'keys.read',
      'usage.read',
      'requests.read',
      'accounts.read',
      'audit.read',
      'two_factor.enrol',
      'password.change',
      'preferences.change',
    ],
    readScope: 'all',
    userScope: 'none',
    grantableRoles: [],
    countsAsAdmin: false,
    description: "Audits every customer's keys, read-only; never sees a secret.",
  },
  LEAD: {
    permissions: [
      'keys.read',
      'usage.read',
      'accounts.read',
      'two_factor.enrol',
      'password.change',
      'preferences.change',
    ],
    readScope: 'members',
    userScope: 'none',
    grantableRoles: [],
    countsAsAdmin: false,
    description: 'Reviews key usage of the accounts they are members of; changes nothing.',
  },
};

/** Permissions that are not about one sendSMS account. */
const GLOBAL_PERMISSIONS: ReadonlySet<Permission> = new Set([
  'users.manage',
  'installation.manage',
  'two_factor.enrol',
  'password.change',
  'preferences.change',
]);

export interface Actor {
  role: Role;
  /** Accounts the user is a member of. */
  accountIds: readonly string[];
}

/** Why the actor may not do this, in words for a tooltip or an error; null when allowed. */
export function deniedReason(actor: Actor, permission: Permission, accountId?: string): string | null {
  const policy = ROLE_PERMISSIONS[actor.role];
  if (!policy.permissions.includes(permission))
    return `${roleAsSubject(actor.role)} cannot ${PERMISSION_VERBS[permission]}`;
  if (GLOBAL_PERMISSIONS.has(permission) || accountId === undefined) return null;
  if (policy.readScope === 'all' && READ_PERMISSIONS.has(permission)) return null;
  return actor.accountIds.includes(accountId) ? null : 'You are not a member of this sendSMS account';
}

/** Whether the actor's role reads every sendSMS account rather than only those it is a member of. */
export function seesEveryAccount(actor: Pick<Actor, 'role'>): boolean {
  return ROLE_PERMISSIONS[actor.role].readScope === 'all';
}

/** The accounts a read covers, as repositories take them: some, or (support staff, the installation admin) every one. */
export type AccountScope = { accountIds: readonly string[] } | 'every';

/** The accounts the actor may read, as an AccountScope. */
export function readableAccounts(actor: Actor): AccountScope {
  return seesEveryAccount(actor) ? 'every' : { accountIds: actor.accountIds };
}

/** The accounts the actor may see, as a filter on account ids (Prisma's `in`): undefined means every account. */
export function visibleAccountIds(actor: Actor): { in: string[] } | undefined {
  return seesEveryAccount(actor) ? undefined : { in: [...actor.accountIds] };
}

/** Whether the actor reads this account without being a member of it (support, the installation admin): such views are audited. */
export function readsAsOutsider(actor: Actor, accountId: string): boolean {
  return seesEveryAccount(actor) && !actor.accountIds.includes(accountId);
}

/** Whether the actor may give this role to a user. */
export function mayGrantRole(actor: Pick<Actor, 'role'>, role: Role): boolean {
  return ROLE_PERMISSIONS[actor.role].grantableRoles.includes(role);
}

/**
 * Whether the actor may manage this user at all: every user for the installation admin; for an account admin, users
 * of a role they may grant whose memberships all lie within the admin's accounts, with at least one (a user with
 * none, such as support staff or a new user of another admin, belongs to nobody's tenant).
 */
export function mayManageUser(actor: Actor, target: { role: Role; accountIds: readonly string[] }): boolean {
  const policy = ROLE_PERMISSIONS[actor.role];
  if (!policy.permissions.includes('users.manage')) return false;
  if (policy.userScope === 'installation') return true;
  if (policy.userScope !== 'tenant') return false;
  return (
    mayGrantRole(actor, target.role) &&
    target.accountIds.length > 0 &&
    target.accountIds.every((accountId) => actor.accountIds.includes(accountId))
  );
}

/** The accounts the actor may give users access to, as a filter on account ids: undefined means every account. */
export function grantableAccountIds(actor: Actor): { in: string[] } | undefined {
  return ROLE_PERMISSIONS[actor.role].userScope === 'installation' ? undefined : { in: [...actor.accountIds] };
}

/** Whether the "2FA required for admins" setting applies to the role. */
export function countsAsAdmin(role: Role): boolean {
  return ROLE_PERMISSIONS[role].countsAsAdmin;
}

export function can(actor: Actor, permission: Permission, accountId?: string): boolean {
  return deniedReason(actor, permission, accountId) === null;
}

const PERMISSION_VERBS: Record<Permission, string> = {
  'keys.read': 'see API keys',
  'keys.manage': 'generate, rename or delete API keys',
  'ips.authorize': 'authorize IPs for keys',
  'usage.read': 'see usage',
  'requests.read': 'run read-only requests',
  'requests.write': 'run requests that change a key',
  'accounts.read': 'see sendSMS accounts',
  'accounts.manage': 'manage sendSMS accounts',
  'users.manage': 'manage users',
  'installation.manage': "change the installation's settings",
  'audit.read': 'read the audit log',
  'two_factor.enrol': 'enrol in two-factor authentication',
  'password.change': 'change their password',
  'preferences.change': 'choose their language and time zone',
};
