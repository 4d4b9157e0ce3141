import type { Metadata } from 'next';

import { dashboardSections } from '@/components/shell/sections';
import { Badge } from '@/components/ui/badge';
import { Table, TableBody, TableCell, TableHead, TableHeader, TableRow } from '@/components/ui/table';
import { AdminTwoFactorPolicy, CreateUserDialog, UserRowControls } from '@/components/users/user-controls';
import { requirePagePermission } from '@/lib/auth/page-guard';
import { can, grantableAccountIds, ROLE_PERMISSIONS } from '@/lib/auth/permissions';
import { ROLE_NAMES } from '@/lib/auth/role-names';
import { readAdminTwoFactorSetting } from '@/lib/auth/two-factor-policy';
import { getPrisma } from '@/lib/db/client';
import { listUsers } from '@/lib/users/user-service';

const section = dashboardSections['users'];

export const metadata: Metadata = { title: section.title };
export const dynamic = 'force-dynamic';

export default async function UsersPage() {
  const admin = await requirePagePermission('users.manage');
  const prisma = getPrisma();
  const [users, accounts, twoFactorRequired] = await Promise.all([
    listUsers(admin),
    // The accounts this admin may grant: their own, or every account for the installation admin.
    prisma.account.findMany({
      where: { id: grantableAccountIds(admin) },
      select: { id: true, label: true },
      orderBy: { label: 'asc' },
    }),
    readAdminTwoFactorSetting(prisma),
  ]);
  const accountLabel = new Map(accounts.map((account) => [account.id, account.label]));
  const roles = ROLE_PERMISSIONS[admin.role].grantableRoles.map((role) => [role, ROLE_NAMES[role]] as const);

  return (
    <div className="grid gap-6">
      <div className="flex flex-wrap items-start justify-between gap-4">
        <div className="grid gap-2">
          <h1 className="text-2xl font-semibold tracking-tight">{section.title}</h1>
          <p className="max-w-2xl text-zinc-700 dark:text-zinc-300">{section.summary}</p>
        </div>
        <CreateUserDialog accounts={accounts} roles={roles} />
      </div>
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
              <TableCell className="text-sm">
                {user.role === 'SUPPORT'
                  ? 'every account (read-only)'
                  : user.role === 'INSTALLATION_ADMIN' && user.accountIds.length === 0
                    ? 'every account (reads)'
                    : user.accountIds.map((id) => accountLabel.get(id) ?? id).join(', ') || 'none'}
              </TableCell>
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
