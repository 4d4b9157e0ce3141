import type { Metadata } from 'next';
import { getLocale, getTranslations } from 'next-intl/server';

import { AccountFormDialog } from '@/components/accounts/account-form-dialog';
import { AccountsTable } from '@/components/accounts/accounts-table';
import { SectionHeader } from '@/components/shell/section-header';
import { sectionMetadata } from '@/components/shell/section-metadata';
import { dashboardSections } from '@/components/shell/sections';
import { listAccounts } from '@/lib/accounts/account-service';
import { requirePagePermission } from '@/lib/auth/page-guard';
import { deniedSentence } from '@/lib/auth/denied-text';
import { getConfig, upstreamBaseUrl } from '@/lib/config';
import { serverDatabaseDeps } from '@/lib/db/deps';

const section = dashboardSections['accounts'];

export const generateMetadata = (): Promise<Metadata> => sectionMetadata(section.id);
export const dynamic = 'force-dynamic';

export default async function AccountsPage() {
  const user = await requirePagePermission('accounts.read');
  // Support staff see every customer's account here: each one shown is on the record.
  const accounts = await listAccounts(serverDatabaseDeps(), user, {
    path: '/accounts',
    sourceIp: null,
    userAgent: null,
  });
  const locale = await getLocale();
  const addDenied = deniedSentence(user, 'accounts.manage', locale);
  const t = await getTranslations('accounts');

  return (
    <div className="grid gap-6">
      <SectionHeader
        section={section}
        action={
          <AccountFormDialog
            mode={{ kind: 'add', defaultBaseUrl: upstreamBaseUrl(getConfig()) }}
            deniedReason={addDenied}
            trigger={t('add')}
          />
        }
      />
      <AccountsTable
        accounts={accounts}
        rotateDenied={(accountId) => deniedSentence(user, 'accounts.manage', locale, accountId)}
      />
    </div>
  );
}
