import type { Metadata } from 'next';
import { headers } from 'next/headers';

import { RequestBuilder } from '@/components/request-builder/request-builder';
import { dashboardSections } from '@/components/shell/sections';
import { requirePagePermission } from '@/lib/auth/page-guard';
import { deniedReason } from '@/lib/auth/permissions';
import { sourceIpOf } from '@/lib/auth/source-ip';
import { serverDatabaseDeps } from '@/lib/db/deps';
import { builderOptions } from '@/lib/request-builder/builder-options';
import { builderHistory } from '@/lib/request-builder/history';

const section = dashboardSections['request-builder'];

export const metadata: Metadata = { title: section.title };

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

  return (
    <div className="grid gap-6">
      <div className="grid max-w-2xl gap-2">
        <h1 className="text-2xl font-semibold tracking-tight">Api Request Builder</h1>
        <p className="text-zinc-700 dark:text-zinc-300">
          Build a sendSMS request, press <strong>Test request</strong>, and see the answer at once. To authorize an IP
          for a key, choose <code>token_add_ip</code>, pick the key, and enter the address in <strong>ipaddr</strong>:
          it takes effect immediately.
        </p>
      </div>
      <RequestBuilder
        accounts={accounts}
        writeDenied={Object.fromEntries(
          accounts.map((account) => [account.id, deniedReason(user, 'requests.write', account.id)]),
        )}
        clientIp={sourceIpOf(requestHeaders)}
        history={history}
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
