import { withPermission } from '@/lib/auth/with-permission';
import { deleteApiKey } from '@/lib/keys/delete-service';
import { serverKeyDeps } from '@/lib/keys/deps';
import { getKeyDetail } from '@/lib/keys/detail-service';
import { deleteKeyInput, renameKeyInput } from '@/lib/keys/inputs';
import { renameApiKey } from '@/lib/keys/rename-service';
import { keysResponse } from '@/lib/keys/route-response';
import { accountOf, keyRouteParams } from '@/lib/keys/route-params';

/** GET: one key (Locked On IP, usage over time, audit trail). PATCH: rename. DELETE: delete, with the name typed to confirm. */
export const GET = withPermission(
  'keys.read',
  async ({ user, params, account, locale }) =>
    keysResponse(() => getKeyDetail(serverKeyDeps(account), user, params.accountId, params.keyId, locale)),
  {
    params: keyRouteParams,
    account: accountOf,
  },
);

export const PATCH = withPermission(
  'keys.manage',
  async ({ user, params, body, meta, account }) =>
    keysResponse(() => renameApiKey(serverKeyDeps(account), { actor: user, ...params, origin: meta }, body.name)),
  { params: keyRouteParams, body: renameKeyInput, account: accountOf },
);

export const DELETE = withPermission(
  'keys.manage',
  async ({ user, params, body, meta, account }) =>
    keysResponse(() =>
      deleteApiKey(serverKeyDeps(account), { actor: user, ...params, origin: meta }, body.confirmName),
    ),
  { params: keyRouteParams, body: deleteKeyInput, account: accountOf },
);
