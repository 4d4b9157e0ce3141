import { Badge } from '@/components/ui/badge';
import { DataTable } from '@/components/ui/table';
import { can, seesEveryAccount } from '@/lib/auth/permissions';
import { ROLE_NAMES } from '@/lib/auth/role-names';
import type { UserSummary } from '@/lib/users/user-service';
import { UserRowControls, type AccountChoice, type RoleChoice } from './user-controls';

/** The users an admin manages, rendered on the server; each row's controls are the client part. */
export function UsersTable({
  users,
  accounts,
  roles,
  adminId,
}: {
  users: UserSummary[];
  /** The accounts the admin may grant, to name a user's accounts and to offer them. */
  accounts: AccountChoice[];
  roles: readonly RoleChoice[];
  adminId: string;
}) {
  const accountLabel = new Map(accounts.map((account) => [account.id, account.label]));
  return (
    <DataTable
      label="Users"
      rows={users}
      empty="No users yet."
      columns={[
        {
          id: 'user',
          header: 'User',
          cell: (user) => (
            <>
              <span className="font-medium">{user.name}</span>
              <span className="block text-xs text-zinc-500 dark:text-zinc-400">{user.email}</span>
            </>
          ),
        },
        { id: 'role', header: 'Role', cell: (user) => ROLE_NAMES[user.role] },
        {
          id: 'accounts',
          header: 'Accounts',
          className: 'text-sm',
          cell: (user) => accountsCell(user, accountLabel),
        },
        {
          id: 'sign-in',
          header: 'Sign-in',
          cell: (user) => (
            <span className="grid gap-1">
              {user.disabled ? <Badge tone="danger">Disabled</Badge> : <Badge tone="success">Active</Badge>}
              <Badge tone={user.twoFactorEnabled ? 'success' : 'neutral'}>
                {user.twoFactorEnabled ? '2FA on' : '2FA off'}
              </Badge>
            </span>
          ),
        },
        {
          id: 'actions',
          header: 'Actions',
          cell: (user) => (
            <UserRowControls user={user} accounts={accounts} roles={roles} isSelf={user.id === adminId} />
          ),
        },
      ]}
    />
  );
}

/**
 * What the user reads, in words, from the permission table: a role that reads every account but manages none
 * (support staff) reads them all, read-only; one that reads every account and manages its own (the installation
 * admin) lists its own, or reads them all when it has none.
 */
function accountsCell(user: UserSummary, accountLabel: ReadonlyMap<string, string>): string {
  if (seesEveryAccount(user) && !can(user, 'accounts.manage')) return 'every account (read-only)';
  if (seesEveryAccount(user) && user.accountIds.length === 0) return 'every account (reads)';
  return user.accountIds.map((id) => accountLabel.get(id) ?? id).join(', ') || 'none';
}
