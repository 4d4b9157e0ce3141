import type { Metadata } from 'next';

import { AccountFormDialog } from '@/components/accounts/account-form-dialog';
import { AccountsTable } from '@/components/accounts/accounts-table';
import { dashboardSections } from '@/components/shell/sections';
import { listAccounts } from '@/lib/accounts/account-service';
import { recordAccountView } from '@/lib/accounts/record-view';
import { requirePagePermission } from '@/lib/auth/page-guard';
import { deniedReason } from '@/lib/auth/permissions';
import { getConfig, upstreamBaseUrl } from '@/lib/config';
import { getPrisma } from '@/lib/db/client';

const section = dashboardSections['accounts'];

export const metadata: Metadata = { title: section.title };
export const dynamic = 'force-dynamic';

export default async function AccountsPage() {
  const user = await requirePagePermission('accounts.read');
  const accounts = await listAccounts(user);
  // Support staff see every customer's account here: each one shown is on the record.
  for (const account of accounts)
    await recordAccountView(getPrisma(), user, account.id, { path: '/accounts', sourceIp: null, userAgent: null });
  const addDenied = deniedReason(user, 'accounts.manage');

  return (
    <div className="grid gap-6">
      <div className="flex flex-wrap items-start justify-between gap-4">
        <div className="grid gap-2">
          <h1 className="text-2xl font-semibold tracking-tight">{section.title}</h1>
          <p className="max-w-2xl text-zinc-700 dark:text-zinc-300">{section.summary}</p>
        </div>
        <AccountFormDialog
          mode={{ kind: 'add', defaultBaseUrl: upstreamBaseUrl(getConfig()) }}
          deniedReason={addDenied}
          trigger="Add account"
        />
      </div>
      <AccountsTable
        accounts={accounts}
        rotateDenied={(accountId) => deniedReason(user, 'accounts.manage', accountId)}
      />
    </div>
  );
}
