import type { Metadata } from 'next';
import { headers } from 'next/headers';
import { getLocale, getTranslations } from 'next-intl/server';

import { RequestBuilder } from '@/components/request-builder/request-builder';
import { sectionMetadata } from '@/components/shell/section-metadata';
import { dashboardSections } from '@/components/shell/sections';
import { deniedText } from '@/lib/auth/denied-text';
import { requirePagePermission } from '@/lib/auth/page-guard';
import type { Permission } from '@/lib/auth/permissions';
import { sourceIpOf } from '@/lib/auth/source-ip';
import { serverDatabaseDeps } from '@/lib/db/deps';
import { say } from '@/lib/errors/text/localized-text';
import { builderRequest } from '@/lib/request-builder/catalogue';
import { builderOptions } from '@/lib/request-builder/builder-options';
import { builderHistory } from '@/lib/request-builder/history';

const section = dashboardSections['request-builder'];

/** What the page's introduction names: sendSMS's action and parameter, not words. */
const ADD_IP_ACTION = 'token_add_ip';
const IP_PARAMETER = 'ipaddr';

export const generateMetadata = (): Promise<Metadata> => sectionMetadata(section.id);

export default async function RequestBuilderPage({
  searchParams,
}: {
  searchParams: Promise<Record<string, string | string[] | undefined>>;
}) {
  const user = await requirePagePermission('requests.read');
  const deps = serverDatabaseDeps();
  const [accounts, history, query, requestHeaders] = await Promise.all([
    builderOptions(deps, user),
    builderHistory(deps, user),
    searchParams,
    headers(),
  ]);
  const single = (name: string) => (typeof query[name] === 'string' ? (query[name] as string) : undefined);
  const [t, locale] = await Promise.all([getTranslations('requestBuilder'), getLocale()]);
  // Why this user may not run a request on an account, in the words the server refuses it with (lib/auth).
  const denied = (permission: Permission, accountId: string): string | null => {
    const text = deniedText(user, permission, accountId);
    return text === null ? null : say(text, locale);
  };

  return (
    <div className="grid gap-6">
      <div className="grid max-w-2xl gap-2">
        <h1 className="text-2xl font-semibold tracking-tight">{t('page.heading')}</h1>
        <p className="text-zinc-700 dark:text-zinc-300">
          {t.rich('page.intro', {
            action: ADD_IP_ACTION,
            field: IP_PARAMETER,
            strong: (chunks) => <strong>{chunks}</strong>,
            code: (chunks) => <code>{chunks}</code>,
          })}
        </p>
      </div>
      <RequestBuilder
        accounts={accounts}
        writeDenied={Object.fromEntries(accounts.map((account) => [account.id, denied('requests.write', account.id)]))}
        clientIp={sourceIpOf(requestHeaders)}
        // Why a run cannot be run again, in the reader's language (the history words what was removed itself).
        history={history.map((entry) => ({
          ...entry,
          // A request the builder does not offer (any more) is taken as one that changes a key, as the history does.
          runAgainDenied:
            entry.runAgainDenied === null
              ? null
              : (denied(builderRequest(entry.action)?.permission ?? 'requests.write', entry.accountId) ??
                entry.runAgainDenied),
        }))}
        initial={{
          accountId: single('accountId'),
          action: single('action'),
          keyId: single('keyId'),
          ipaddr: single('ipaddr'),
        }}
      />
    </div>
  );
}
