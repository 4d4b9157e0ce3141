import type { Metadata } from 'next';

import { PageHeader } from '@/components/shell/page-header';
import { dashboardSections } from '@/components/shell/sections';
import { Badge } from '@/components/ui/badge';
import { Table, TableBody, TableCell, TableHead, TableHeader, TableRow } from '@/components/ui/table';
import { AdminTwoFactorPolicy, CreateUserDialog, UserRowControls } from '@/components/users/user-controls';
import { requirePagePermission } from '@/lib/auth/page-guard';
import { listGrantableAccounts } from '@/lib/accounts/account-service';
import { can, ROLE_PERMISSIONS, seesEveryAccount } from '@/lib/auth/permissions';
import { ROLE_NAMES } from '@/lib/auth/role-names';
import { serverDatabaseDeps } from '@/lib/db/deps';
import { adminTwoFactorRequired, listUsers, type UserSummary } from '@/lib/users/user-service';

const section = dashboardSections['users'];

export const metadata: Metadata = { title: section.title };
export const dynamic = 'force-dynamic';

export default async function UsersPage() {
  const admin = await requirePagePermission('users.manage');
  const deps = serverDatabaseDeps();
  const [users, accounts, twoFactorRequired] = await Promise.all([
    listUsers(deps, admin),
    // The accounts this admin may grant: their own, or every account for the installation admin.
    listGrantableAccounts(deps, admin),
    adminTwoFactorRequired(deps),
  ]);
  const accountLabel = new Map(accounts.map((account) => [account.id, account.label]));
  const roles = ROLE_PERMISSIONS[admin.role].grantableRoles.map((role) => [role, ROLE_NAMES[role]] as const);

  return (
    <div className="grid gap-6">
      <PageHeader section={section} action={<CreateUserDialog accounts={accounts} roles={roles} />} />
      {can(admin, 'installation.manage') ? <AdminTwoFactorPolicy required={twoFactorRequired} /> : null}
      <Table aria-label="Users">
        <TableHeader>
          <TableRow>
            <TableHead>User</TableHead>
            <TableHead>Role</TableHead>
            <TableHead>Accounts</TableHead>
            <TableHead>Sign-in</TableHead>
            <TableHead>Actions</TableHead>
          </TableRow>
        </TableHeader>
        <TableBody>
          {users.map((user) => (
            <TableRow key={user.id}>
              <TableCell>
                <span className="font-medium">{user.name}</span>
                <span className="block text-xs text-zinc-500">{user.email}</span>
              </TableCell>
              <TableCell>{ROLE_NAMES[user.role]}</TableCell>
              <TableCell className="text-sm">{accountsCell(user, accountLabel)}</TableCell>
              <TableCell className="grid gap-1">
                {user.disabled ? <Badge tone="danger">Disabled</Badge> : <Badge tone="success">Active</Badge>}
                <Badge tone={user.twoFactorEnabled ? 'success' : 'neutral'}>
                  {user.twoFactorEnabled ? '2FA on' : '2FA off'}
                </Badge>
              </TableCell>
              <TableCell>
                <UserRowControls user={user} accounts={accounts} roles={roles} isSelf={user.id === admin.id} />
              </TableCell>
            </TableRow>
          ))}
        </TableBody>
      </Table>
    </div>
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
