import { withPermission } from '@/lib/auth/with-permission';
import { serverKeyDeps } from '@/lib/keys/deps';
import { importApiKey } from '@/lib/keys/import-service';
import { importKeyInput } from '@/lib/keys/inputs';
import { keysResponse } from '@/lib/keys/route-response';
import { accountOf, accountRouteParams } from '@/lib/keys/route-params';

/** POST: import a key made on the hub (checked with sendSMS before it is saved). */
export const POST = withPermission(
  'keys.manage',
  async ({ user, params, body, meta, account }) =>
    keysResponse(() => importApiKey(serverKeyDeps(account), user, params.accountId, body, meta), 201),
  { params: accountRouteParams, body: importKeyInput, account: accountOf },
);
