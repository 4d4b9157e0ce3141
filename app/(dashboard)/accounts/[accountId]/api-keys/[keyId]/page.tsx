import type { Metadata } from 'next';
import { notFound } from 'next/navigation';

import { KeyDetail } from '@/components/keys/key-detail';
import { KeyUsagePanel } from '@/components/usage/key-usage-panel';
import { requirePagePermission } from '@/lib/auth/page-guard';
import { deniedReason } from '@/lib/auth/permissions';
import { serverDatabaseDeps } from '@/lib/db/deps';
import { serverKeyDeps } from '@/lib/keys/deps';
import { getKeyDetail } from '@/lib/keys/detail-service';
import { idParam } from '@/lib/validation/text';
import { isAppError } from '@/lib/errors/app-error';
import { usageFilterSchema } from '@/lib/usage/usage-filter';
import { DEFAULT_USAGE_RANGE, rangeWindow } from '@/lib/usage/usage-range';
import { usageScope, usageSeries } from '@/lib/usage/usage-service';

export const metadata: Metadata = { title: 'API Key' };

/** One key: Locked On IP, uses over time (?range= as on /usage), audit trail, rename, delete. */
export default async function ApiKeyPage({
  params,
  searchParams,
}: {
  params: Promise<{ accountId: string; keyId: string }>;
  searchParams: Promise<Record<string, string | string[] | undefined>>;
}) {
  const { accountId, keyId } = await params;
  // A hand-typed address with junk for an id is a page that does not exist, before any query sees it.
  if (!idParam.safeParse(accountId).success || !idParam.safeParse(keyId).success) notFound();
  const user = await requirePagePermission('keys.read', accountId);
  const initial = await getKeyDetail(serverKeyDeps(), user, accountId, keyId).catch(notFoundWhenMissing);
  // A range the picker does not offer falls back to the default, as on /usage.
  const range =
    usageFilterSchema.shape.range.safeParse([(await searchParams).range].flat()[0]).data ?? DEFAULT_USAGE_RANGE;
  const usageDenied = deniedReason(user, 'usage.read', accountId);
  const series = usageDenied
    ? null
    : await usageSeries(serverDatabaseDeps(), rangeWindow(range, new Date()), {
        accounts: usageScope(user, accountId),
        accountId,
        keyId,
      });
  return (
    <KeyDetail
      initial={initial}
      manageDenied={deniedReason(user, 'keys.manage', accountId)}
      authorizeDenied={deniedReason(user, 'ips.authorize', accountId)}
      builderDenied={deniedReason(user, 'requests.read', accountId)}
      usageChart={
        <KeyUsagePanel
          series={series}
          keyName={initial.key.name}
          pagePath={`/accounts/${accountId}/api-keys/${keyId}`}
          deniedReason={usageDenied}
        />
      }
    />
  );
}

function notFoundWhenMissing(error: unknown): never {
  if (isAppError(error) && error.code === 'not-found') notFound();
  throw error;
}
