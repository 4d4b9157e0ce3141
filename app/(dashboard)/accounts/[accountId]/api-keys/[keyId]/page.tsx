import type { Metadata } from 'next';
import { notFound } from 'next/navigation';

import { KeyDetail } from '@/components/keys/key-detail';
import { requirePagePermission } from '@/lib/auth/page-guard';
import { deniedReason } from '@/lib/auth/permissions';
import { serverKeyDeps } from '@/lib/keys/deps';
import { getKeyDetail } from '@/lib/keys/detail-service';
import { idParam } from '@/lib/validation/text';
import { isAppError } from '@/lib/errors/app-error';

export const metadata: Metadata = { title: 'API Key' };

/** One key: Locked On IP, usage over time, audit trail, rename, delete. */
export default async function ApiKeyPage({ params }: { params: Promise<{ accountId: string; keyId: string }> }) {
  const { accountId, keyId } = await params;
  // A hand-typed address with junk for an id is a page that does not exist, before any query sees it.
  if (!idParam.safeParse(accountId).success || !idParam.safeParse(keyId).success) notFound();
  const user = await requirePagePermission('keys.read', accountId);
  const initial = await getKeyDetail(serverKeyDeps(), user, accountId, keyId).catch(notFoundWhenMissing);
  return (
    <KeyDetail
      initial={initial}
      manageDenied={deniedReason(user, 'keys.manage', accountId)}
      authorizeDenied={deniedReason(user, 'ips.authorize', accountId)}
    />
  );
}

function notFoundWhenMissing(error: unknown): never {
  if (isAppError(error) && error.code === 'not-found') notFound();
  throw error;
}
