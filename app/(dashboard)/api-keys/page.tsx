import type { Metadata } from 'next';
import Link from 'next/link';
import { getTranslations } from 'next-intl/server';

import { sectionMetadata } from '@/components/shell/section-metadata';
import { dashboardSections } from '@/components/shell/sections';
import { requirePagePermission } from '@/lib/auth/page-guard';
import { serverKeyDeps } from '@/lib/keys/deps';
import { listVisibleAccounts } from '@/lib/keys/list-service';

const section = dashboardSections['api-keys'];

export const generateMetadata = (): Promise<Metadata> => sectionMetadata(section.id);

/** The sidebar's "API Keys": the sendSMS accounts this user may see, each linking to its keys. */
export default async function ApiKeysPage() {
  const user = await requirePagePermission('keys.read');
  const accounts = await listVisibleAccounts(serverKeyDeps(), user);
  const sections = await getTranslations('shell.sections');
  const t = await getTranslations('keys.accountsPage');
  return (
    <section aria-labelledby="section-title" className="grid max-w-3xl gap-4">
      <h1 id="section-title" className="text-2xl font-semibold tracking-tight">
        {sections(`${section.id}.title`)}
      </h1>
      <p className="text-zinc-700 dark:text-zinc-300">{sections(`${section.id}.summary`)}</p>
      {accounts.length === 0 ? (
        <p className="rounded-lg border border-dashed border-zinc-300 p-4 text-sm text-zinc-600 dark:border-zinc-700 dark:text-zinc-400">
          {t('noAccounts')}
        </p>
      ) : (
        <ul className="grid gap-2">
          {accounts.map((account) => (
            <li key={account.id}>
              <Link
                href={`/accounts/${account.id}/api-keys`}
                className="flex items-center justify-between rounded-lg border border-zinc-200 p-4 hover:bg-zinc-50 dark:border-zinc-800 dark:hover:bg-zinc-900"
              >
                <span className="grid">
                  <span className="font-medium">{account.label}</span>
                  <span className="text-sm text-zinc-600 dark:text-zinc-400">{account.username}</span>
                </span>
                <span className="text-sm text-zinc-600 dark:text-zinc-400">
                  {t('keyCount', { count: account.keyCount })}
                </span>
              </Link>
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}
