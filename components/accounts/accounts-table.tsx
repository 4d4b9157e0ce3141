import type { AccountSummary } from '@/lib/accounts/account-summary';
import { Badge } from '@/components/ui/badge';
import { DataTable, type TableColumn } from '@/components/ui/table';
import { AccountFormDialog } from './account-form-dialog';

const HEALTH_TONE = { ok: 'neutral', expiring: 'warning', expired: 'danger', 'no-expiry': 'success' } as const;

const COLUMNS: TableColumn<AccountSummary>[] = [
  {
    id: 'account',
    header: 'Account',
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
    header: 'Balance',
    cell: (account) => (
      <>
        {account.balance === null ? 'not checked yet' : account.balance.toFixed(2)}
        {account.balanceCheckedAt ? (
          <span className="block text-xs text-zinc-500 dark:text-zinc-400">
            checked {account.balanceCheckedAt.slice(0, 10)}
          </span>
        ) : null}
      </>
    ),
  },
  {
    id: 'credential',
    header: 'Credential',
    cell: (account) => (
      <>
        <Badge tone={HEALTH_TONE[account.credentialHealth.state]}>
          {account.credentialKind === 'PASSWORD' ? 'Password' : 'API key'} · {account.credentialHealth.ageDays} days old
        </Badge>
        {account.credentialHealth.advice ? (
          <span className="block max-w-xs text-xs text-zinc-600 dark:text-zinc-400">
            {account.credentialHealth.advice}
          </span>
        ) : null}
      </>
    ),
  },
  {
    id: 'capabilities',
    header: 'Capabilities',
    className: 'text-xs',
    cell: (account) =>
      Object.keys(account.capabilities).length === 0
        ? 'not probed yet'
        : Object.entries(account.capabilities).map(([action, capability]) => (
            <span key={action} className="block font-mono">
              {action}: {capability}
            </span>
          )),
  },
];

/** Rendered on the server: the reasons a control is disabled come from the same permission table the routes use. */
export function AccountsTable({
  accounts,
  rotateDenied,
}: {
  accounts: AccountSummary[];
  rotateDenied: (accountId: string) => string | null;
}) {
  const actions: TableColumn<AccountSummary> = {
    id: 'actions',
    header: 'Actions',
    hideHeader: true,
    cell: (account) => (
      <AccountFormDialog
        mode={{ kind: 'rotate', accountId: account.id, label: account.label }}
        deniedReason={rotateDenied(account.id)}
        trigger="Rotate credential"
      />
    ),
  };
  return (
    <DataTable
      label="sendSMS accounts"
      columns={[...COLUMNS, actions]}
      rows={accounts}
      empty="No sendSMS accounts yet."
    />
  );
}
