import type { Metadata } from 'next';
import { getTranslations } from 'next-intl/server';

import { SectionHeader } from '@/components/shell/section-header';
import { sectionMetadata } from '@/components/shell/section-metadata';
import { dashboardSections } from '@/components/shell/sections';
import { AdminTwoFactorPolicy, CreateUserDialog } from '@/components/users/user-controls';
import { ROLE_NAME_KEYS } from '@/components/users/role-names';
import { UsersTable } from '@/components/users/users-table';
import { requirePagePermission } from '@/lib/auth/page-guard';
import { listGrantableAccounts } from '@/lib/accounts/account-service';
import { can, ROLE_PERMISSIONS } from '@/lib/auth/permissions';
import { serverDatabaseDeps } from '@/lib/db/deps';
import { adminTwoFactorRequired, listUsers } from '@/lib/users/user-service';

const section = dashboardSections['users'];

export const generateMetadata = (): Promise<Metadata> => sectionMetadata(section.id);
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
  const t = await getTranslations('users');
  const roles = ROLE_PERMISSIONS[admin.role].grantableRoles.map((role) => [role, t(ROLE_NAME_KEYS[role])] as const);

  return (
    <div className="grid gap-6">
      <SectionHeader section={section} action={<CreateUserDialog accounts={accounts} roles={roles} />} />
      {can(admin, 'installation.manage') ? <AdminTwoFactorPolicy required={twoFactorRequired} /> : null}
      <UsersTable users={users} accounts={accounts} roles={roles} adminId={admin.id} />
    </div>
  );
}
