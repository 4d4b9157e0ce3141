import type { Metadata } from 'next';

import { AccountFormDialog } from '@/components/accounts/account-form-dialog';
import { AccountsTable } from '@/components/accounts/accounts-table';
import { SectionHeader } from '@/components/shell/section-header';
import { dashboardSections } from '@/components/shell/sections';
import { listAccounts } from '@/lib/accounts/account-service';
import { requirePagePermission } from '@/lib/auth/page-guard';
import { deniedReason } from '@/lib/auth/permissions';
import { getConfig, upstreamBaseUrl } from '@/lib/config';
import { serverDatabaseDeps } from '@/lib/db/deps';

const section = dashboardSections['accounts'];

export const metadata: Metadata = { title: section.title };
export const dynamic = 'force-dynamic';

export default async function AccountsPage() {
  const user = await requirePagePermission('accounts.read');
  // Support staff see every customer's account here: each one shown is on the record.
  const accounts = await listAccounts(serverDatabaseDeps(), user, {
    path: '/accounts',
    sourceIp: null,
    userAgent: null,
  });
  const addDenied = deniedReason(user, 'accounts.manage');

  return (
    <div className="grid gap-6">
      <SectionHeader
        section={section}
        action={
          <AccountFormDialog
            mode={{ kind: 'add', defaultBaseUrl: upstreamBaseUrl(getConfig()) }}
            deniedReason={addDenied}
            trigger="Add account"
          />
        }
      />
      <AccountsTable
        accounts={accounts}
        rotateDenied={(accountId) => deniedReason(user, 'accounts.manage', accountId)}
      />
    </div>
  );
}
