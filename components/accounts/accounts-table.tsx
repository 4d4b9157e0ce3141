import type { AccountSummary } from '@/lib/accounts/account-summary';
import { Badge } from '@/components/ui/badge';
import { Table, TableBody, TableCell, TableHead, TableHeader, TableRow } from '@/components/ui/table';
import { AccountFormDialog } from './account-form-dialog';

const HEALTH_TONE = { ok: 'neutral', expiring: 'warning', expired: 'danger', 'no-expiry': 'success' } as const;

/** Rendered on the server: the reasons a control is disabled come from the same permission table the routes use. */
export function AccountsTable({
  accounts,
  rotateDenied,
}: {
  accounts: AccountSummary[];
  rotateDenied: (accountId: string) => string | null;
}) {
  if (accounts.length === 0) return <p>No sendSMS accounts yet.</p>;
  return (
    <Table aria-label="sendSMS accounts">
      <TableHeader>
        <TableRow>
          <TableHead>Account</TableHead>
          <TableHead>Balance</TableHead>
          <TableHead>Credential</TableHead>
          <TableHead>Capabilities</TableHead>
          <TableHead>
            <span className="sr-only">Actions</span>
          </TableHead>
        </TableRow>
      </TableHeader>
      <TableBody>
        {accounts.map((account) => (
          <TableRow key={account.id}>
            <TableCell>
              <span className="font-medium">{account.label}</span>
              <span className="block text-xs text-zinc-500">
                {account.username} · {account.apiBaseUrl}
              </span>
            </TableCell>
            <TableCell>
              {account.balance === null ? 'not checked yet' : account.balance.toFixed(2)}
              {account.balanceCheckedAt ? (
                <span className="block text-xs text-zinc-500">checked {account.balanceCheckedAt.slice(0, 10)}</span>
              ) : null}
            </TableCell>
            <TableCell>
              <Badge tone={HEALTH_TONE[account.credentialHealth.state]}>
                {account.credentialKind === 'PASSWORD' ? 'Password' : 'API key'} · {account.credentialHealth.ageDays}{' '}
                days old
              </Badge>
              {account.credentialHealth.advice ? (
                <span className="block max-w-xs text-xs text-zinc-600 dark:text-zinc-400">
                  {account.credentialHealth.advice}
                </span>
              ) : null}
            </TableCell>
            <TableCell className="text-xs">
              {Object.keys(account.capabilities).length === 0
                ? 'not probed yet'
                : Object.entries(account.capabilities).map(([action, capability]) => (
                    <span key={action} className="block font-mono">
                      {action}: {capability}
                    </span>
                  ))}
            </TableCell>
            <TableCell>
              <AccountFormDialog
                mode={{ kind: 'rotate', accountId: account.id, label: account.label }}
                deniedReason={rotateDenied(account.id)}
                trigger="Rotate credential"
              />
            </TableCell>
          </TableRow>
        ))}
      </TableBody>
    </Table>
  );
}
