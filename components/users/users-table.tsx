import { useTranslations } from 'next-intl';

import { Badge } from '@/components/ui/badge';
import { DataTable } from '@/components/ui/table';
import { can, seesEveryAccount } from '@/lib/auth/permissions';
import type { UserSummary } from '@/lib/users/user-service';
import { ROLE_NAME_KEYS } from './role-names';
import { UserRowControls, type AccountChoice, type RoleChoice } from './user-controls';

type UsersT = ReturnType<typeof useTranslations<'users'>>;

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
  const t = useTranslations('users');
  const accountLabel = new Map(accounts.map((account) => [account.id, account.label]));
  return (
    <DataTable
      label={t('table.label')}
      rows={users}
      empty={t('table.empty')}
      columns={[
        {
          id: 'user',
          header: t('table.user'),
          cell: (user) => (
            <>
              <span className="font-medium">{user.name}</span>
              <span className="block text-xs text-zinc-500 dark:text-zinc-400">{user.email}</span>
            </>
          ),
        },
        { id: 'role', header: t('table.role'), cell: (user) => t(ROLE_NAME_KEYS[user.role]) },
        {
          id: 'accounts',
          header: t('table.accounts'),
          className: 'text-sm',
          cell: (user) => accountsCell(t, user, accountLabel),
        },
        {
          id: 'sign-in',
          header: t('table.signIn'),
          cell: (user) => (
            <span className="grid gap-1">
              {user.disabled ? (
                <Badge tone="danger">{t('table.disabled')}</Badge>
              ) : (
                <Badge tone="success">{t('table.active')}</Badge>
              )}
              <Badge tone={user.twoFactorEnabled ? 'success' : 'neutral'}>
                {user.twoFactorEnabled ? t('table.twoFactorOn') : t('table.twoFactorOff')}
              </Badge>
            </span>
          ),
        },
        {
          id: 'actions',
          header: t('table.actions'),
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
function accountsCell(t: UsersT, user: UserSummary, accountLabel: ReadonlyMap<string, string>): string {
  if (seesEveryAccount(user) && !can(user, 'accounts.manage')) return t('table.everyAccountReadOnly');
  if (seesEveryAccount(user) && user.accountIds.length === 0) return t('table.everyAccountReads');
  return user.accountIds.map((id) => accountLabel.get(id) ?? id).join(', ') || t('table.noAccounts');
}
