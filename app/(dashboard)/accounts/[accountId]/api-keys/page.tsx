import type { Metadata } from 'next';
import { notFound } from 'next/navigation';
import { getLocale, getTranslations } from 'next-intl/server';
import { cache } from 'react';

import { KeysList } from '@/components/keys/keys-list';
import { requirePagePermission } from '@/lib/auth/page-guard';
import { deniedSentence } from '@/lib/auth/denied-text';
import { serverKeyDeps } from '@/lib/keys/deps';
import { isAppError } from '@/lib/errors/app-error';
import { readKeyListQuery, type KeyListQuery } from '@/lib/keys/list-query';
import { listAccountKeys } from '@/lib/keys/list-service';
import { idParam } from '@/lib/validation/text';

type Params = Promise<{ accountId: string }>;
type SearchParams = Promise<Record<string, string | string[] | undefined>>;

/**
 * The guard and the list, once per request: the page and its title (which names the account) both need them, and
 * the guard records a support user's view of the account, which must happen once. Keyed by the query as JSON, since
 * React's cache compares its arguments by identity.
 */
const loadKeys = cache(async (accountId: string, queryJson: string) => {
  // A hand-typed address with junk for an id is a page that does not exist, before any query sees it.
  if (!idParam.safeParse(accountId).success) notFound();
  const user = await requirePagePermission('keys.read', accountId);
  const query = JSON.parse(queryJson) as KeyListQuery;
  const initial = await listAccountKeys(serverKeyDeps(), { actor: user, accountId }, query).catch(notFoundWhenMissing);
  return { user, query, initial };
});

async function load(params: Params, searchParams: SearchParams) {
  const { accountId } = await params;
  return loadKeys(accountId, JSON.stringify(readKeyListQuery(await searchParams)));
}

/** "API Keys · Demo shop". */
export async function generateMetadata({
  params,
  searchParams,
}: {
  params: Params;
  searchParams: SearchParams;
}): Promise<Metadata> {
  const [{ initial }, t] = await Promise.all([load(params, searchParams), getTranslations('keys.listPage')]);
  return { title: t('metaTitle', { account: initial.accountLabel }) };
}

/** Account > API Keys: rendered from Postgres at once; sendSMS is asked on a schedule (lib/collection), not per view. */
export default async function AccountApiKeysPage({
  params,
  searchParams,
}: {
  params: Params;
  searchParams: SearchParams;
}) {
  const { accountId } = await params;
  const { user, query, initial } = await load(params, searchParams);
  return (
    <KeysList
      initial={initial}
      initialQuery={query}
      manageDenied={deniedSentence(user, 'keys.manage', await getLocale(), accountId)}
    />
  );
}

function notFoundWhenMissing(error: unknown): never {
  if (isAppError(error) && error.code === 'not-found') notFound();
  throw error;
}
