import { useFormatter, useTranslations } from 'next-intl';

import type { AccountSummary } from '@/lib/accounts/account-summary';
import { PASSWORD_LIFETIME_DAYS, type CredentialHealth } from '@/lib/accounts/credential-health';
import { Badge } from '@/components/ui/badge';
import { DataTable, type TableColumn } from '@/components/ui/table';
import { AccountFormDialog } from './account-form-dialog';

type AccountsT = ReturnType<typeof useTranslations<'accounts'>>;

const HEALTH_TONE = { ok: 'neutral', expiring: 'warning', expired: 'danger', 'no-expiry': 'success' } as const;

/**
 * What the table advises about a stored credential, in the reader's language: drawn from its state and age (the
 * English `advice` of lib/accounts/credential-health.ts is for the server's own use).
 */
export function credentialAdvice(t: AccountsT, health: CredentialHealth): string | null {
  switch (health.state) {
    case 'no-expiry':
      return null;
    case 'expired':
      return t('advice.expired', { days: health.ageDays });
    case 'expiring':
      return t('advice.expiring', { days: PASSWORD_LIFETIME_DAYS - health.ageDays });
    case 'ok':
      return t('advice.ok');
  }
}

/** Rendered on the server: the reasons a control is disabled come from the same permission table the routes use. */
export function AccountsTable({
  accounts,
  rotateDenied,
}: {
  accounts: AccountSummary[];
  rotateDenied: (accountId: string) => string | null;
}) {
  const t = useTranslations('accounts');
  const format = useFormatter();
  const columns: TableColumn<AccountSummary>[] = [
    {
      id: 'account',
      header: t('table.account'),
      cell: (account) => (
        <>
          <span className="font-medium">{account.label}</span>
          <span className="block text-xs text-zinc-500 dark:text-zinc-400">
            {account.username} · {account.apiBaseUrl}
          </span>
        </>
      ),
    },
    {
      id: 'balance',
      header: t('table.balance'),
      cell: (account) => (
        <>
          {account.balance === null
            ? t('table.balanceNotChecked')
            : format.number(account.balance, { minimumFractionDigits: 2, maximumFractionDigits: 2 })}
          {account.balanceCheckedAt ? (
            <span className="block text-xs text-zinc-500 dark:text-zinc-400">
              {t('table.balanceChecked', { date: format.dateTime(new Date(account.balanceCheckedAt), 'date') })}
            </span>
          ) : null}
        </>
      ),
    },
    {
      id: 'credential',
      header: t('table.credential'),
      cell: (account) => {
        const advice = credentialAdvice(t, account.credentialHealth);
        return (
          <>
            <Badge tone={HEALTH_TONE[account.credentialHealth.state]}>
              {t('table.credentialAge', { kind: account.credentialKind, days: account.credentialHealth.ageDays })}
            </Badge>
            {advice ? <span className="block max-w-xs text-xs text-zinc-600 dark:text-zinc-400">{advice}</span> : null}
          </>
        );
      },
    },
    {
      id: 'capabilities',
      header: t('table.capabilities'),
      className: 'text-xs',
      cell: (account) =>
        Object.keys(account.capabilities).length === 0
          ? t('table.capabilitiesNotProbed')
          : Object.entries(account.capabilities).map(([action, capability]) => (
              <span key={action} className="block">
                <span className="font-mono">{action}</span>: {t(`table.capability.${capability}`)}
              </span>
            )),
    },
    {
      id: 'actions',
      header: t('table.actions'),
      hideHeader: true,
      cell: (account) => (
        <AccountFormDialog
          mode={{ kind: 'rotate', accountId: account.id, label: account.label }}
          deniedReason={rotateDenied(account.id)}
          trigger={t('table.rotate')}
        />
      ),
    },
  ];
  return <DataTable label={t('table.label')} columns={columns} rows={accounts} empty={t('table.empty')} />;
}
