import type { Metadata } from 'next';
import { notFound } from 'next/navigation';
import { getLocale, getTranslations } from 'next-intl/server';
import { cache } from 'react';

import { KeyDetail } from '@/components/keys/key-detail';
import { KeyUsagePanel } from '@/components/usage/key-usage-panel';
import { requirePagePermission } from '@/lib/auth/page-guard';
import { deniedSentence } from '@/lib/auth/denied-text';
import { serverDatabaseDeps } from '@/lib/db/deps';
import { serverKeyDeps } from '@/lib/keys/deps';
import { getKeyDetail } from '@/lib/keys/detail-service';
import { idParam } from '@/lib/validation/text';
import { isAppError } from '@/lib/errors/app-error';
import { usageFilterSchema } from '@/lib/usage/usage-filter';
import { DEFAULT_USAGE_RANGE, rangeWindow } from '@/lib/usage/usage-range';
import { usageScope, usageSeries } from '@/lib/usage/usage-service';

type Params = Promise<{ accountId: string; keyId: string }>;

/**
 * The guard and the key, once per request: the page and its title (which names the key and the account) both need
 * them, and the guard records a support user's view of the account, which must happen once.
 */
const loadKey = cache(async (accountId: string, keyId: string) => {
  // A hand-typed address with junk for an id is a page that does not exist, before any query sees it.
  if (!idParam.safeParse(accountId).success || !idParam.safeParse(keyId).success) notFound();
  const user = await requirePagePermission('keys.read', accountId);
  const initial = await getKeyDetail(serverKeyDeps(), user, accountId, keyId, await getLocale()).catch(
    notFoundWhenMissing,
  );
  return { user, initial };
});

/** "API Key Test · Demo shop". */
export async function generateMetadata({ params }: { params: Params }): Promise<Metadata> {
  const { accountId, keyId } = await params;
  const [{ initial }, t] = await Promise.all([loadKey(accountId, keyId), getTranslations('keys.detailPage')]);
  return { title: t('metaTitle', { key: initial.key.name, account: initial.accountLabel }) };
}

/** One key: Locked On IP, uses over time (?range= as on /usage), audit trail, rename, delete. */
export default async function ApiKeyPage({
  params,
  searchParams,
}: {
  params: Params;
  searchParams: Promise<Record<string, string | string[] | undefined>>;
}) {
  const { accountId, keyId } = await params;
  const { user, initial } = await loadKey(accountId, keyId);
  // A range the picker does not offer falls back to the default, as on /usage.
  const range =
    usageFilterSchema.shape.range.safeParse([(await searchParams).range].flat()[0]).data ?? DEFAULT_USAGE_RANGE;
  const locale = await getLocale();
  const usageDenied = deniedSentence(user, 'usage.read', locale, accountId);
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
      manageDenied={deniedSentence(user, 'keys.manage', locale, accountId)}
      authorizeDenied={deniedSentence(user, 'ips.authorize', locale, accountId)}
      builderDenied={deniedSentence(user, 'requests.read', locale, accountId)}
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
