import type { Metadata } from 'next';
import { notFound } from 'next/navigation';

import { KeysList } from '@/components/keys/keys-list';
import { requirePagePermission } from '@/lib/auth/page-guard';
import { deniedReason } from '@/lib/auth/permissions';
import { serverKeyDeps } from '@/lib/keys/deps';
import { isAppError } from '@/lib/errors/app-error';
import { readKeyListQuery } from '@/lib/keys/list-query';
import { listAccountKeys } from '@/lib/keys/list-service';
import { idParam } from '@/lib/validation/text';

export const metadata: Metadata = { title: 'API Keys' };

/** Account > API Keys: rendered from Postgres at once; sendSMS is asked on a schedule (lib/collection), not per view. */
export default async function AccountApiKeysPage({
  params,
  searchParams,
}: {
  params: Promise<{ accountId: string }>;
  searchParams: Promise<Record<string, string | string[] | undefined>>;
}) {
  const { accountId } = await params;
  // A hand-typed address with junk for an id is a page that does not exist, before any query sees it.
  if (!idParam.safeParse(accountId).success) notFound();
  const user = await requirePagePermission('keys.read', accountId);
  const query = readKeyListQuery(await searchParams);
  const initial = await listAccountKeys(serverKeyDeps(), { actor: user, accountId }, query).catch(notFoundWhenMissing);
  return (
    <KeysList initial={initial} initialQuery={query} manageDenied={deniedReason(user, 'keys.manage', accountId)} />
  );
}

function notFoundWhenMissing(error: unknown): never {
  if (isAppError(error) && error.code === 'not-found') notFound();
  throw error;
}
