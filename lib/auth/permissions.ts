import type { Role } from '@/lib/generated/prisma/enums';

/**
 * Who may do what: the one table that the server enforces and the UI reads (a control a role may not use stays
 * visible, disabled, with the reason from `deniedReason`). Account-scoped permissions also need the account:
 * ADMIN and LEAD act only on accounts they are members of; SUPPORT reads every account.
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
  /** Create users, set roles, reset 2FA, disable users. Not account-scoped. */
  'users.manage',
  /** Read the audit log. */
  'audit.read',
  /** Enrol one's own sign-in in TOTP two-factor authentication. Not account-scoped; every role has it. */
  'two_factor.enrol',
] as const;

export type Permission = (typeof PERMISSIONS)[number];

export interface RolePolicy {
  permissions: readonly Permission[];
  /** 'members': only accounts the user is a member of; 'all': every account (read-only roles only). */
  accountScope: 'members' | 'all';
  /** Shown in the UI to say what the role is for. */
  description: string;
}

export const ROLE_PERMISSIONS: Record<Role, RolePolicy> = {
  ADMIN: {
    permissions: ['keys.read', 'keys.manage', 'ips.authorize', 'usage.read', 'requests.read', 'requests.write', 'accounts.read', 'accounts.manage', 'users.manage', 'audit.read', 'two_factor.enrol'],
    accountScope: 'members',
    description: 'Manages the sendSMS accounts they are members of: keys, IPs, credentials, users and memberships.',
  },
  SUPPORT: {
    permissions: ['keys.read', 'usage.read', 'requests.read', 'accounts.read', 'audit.read', 'two_factor.enrol'],
    accountScope: 'all',
    description: "Audits every customer's keys, read-only; never sees a secret.",
  },
  LEAD: {
    permissions: ['keys.read', 'usage.read', 'accounts.read', 'two_factor.enrol'],
    accountScope: 'members',
    description: 'Reviews key usage of the accounts they are members of; changes nothing.',
  },
};

/** Permissions that are not about one sendSMS account. */
const GLOBAL_PERMISSIONS: ReadonlySet<Permission> = new Set(['users.manage', 'two_factor.enrol']);

export interface Actor {
  role: Role;
  /** Accounts the user is a member of. */
  accountIds: readonly string[];
}

/** Why the actor may not do this, in words for a tooltip or an error; null when allowed. */
export function deniedReason(actor: Actor, permission: Permission, accountId?: string): string | null {
  const policy = ROLE_PERMISSIONS[actor.role];
  if (!policy.permissions.includes(permission)) return `${roleLabel(actor.role)} cannot ${PERMISSION_VERBS[permission]}`;
  if (GLOBAL_PERMISSIONS.has(permission) || accountId === undefined || policy.accountScope === 'all') return null;
  return actor.accountIds.includes(accountId) ? null : 'You are not a member of this sendSMS account';
}

/** Whether the actor's role reads every sendSMS account rather than only those it is a member of. */
export function seesEveryAccount(actor: Pick<Actor, 'role'>): boolean {
  return ROLE_PERMISSIONS[actor.role].accountScope === 'all';
}

/** The accounts the actor may see, as a filter on account ids (Prisma's `in`): undefined means every account. */
export function visibleAccountIds(actor: Actor): { in: string[] } | undefined {
  return seesEveryAccount(actor) ? undefined : { in: [...actor.accountIds] };
}

export function can(actor: Actor, permission: Permission, accountId?: string): boolean {
  return deniedReason(actor, permission, accountId) === null;
}

export function roleLabel(role: Role): string {
  return { ADMIN: 'An account admin', SUPPORT: 'Support staff', LEAD: 'A team lead' }[role];
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
  'audit.read': 'read the audit log',
  'two_factor.enrol': 'enrol in two-factor authentication',
};
