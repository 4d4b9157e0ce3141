import { withPermission } from '@/lib/auth/with-permission';
import { serverKeyDeps } from '@/lib/keys/deps';
import { refreshKeysInput } from '@/lib/keys/inputs';
import { refreshAccountKeys } from '@/lib/keys/refresh-service';
import { keysResponse } from '@/lib/keys/route-response';
import { accountOf, accountRouteParams } from '@/lib/keys/route-params';

/**
 * POST: refresh from sendSMS now (within the budget). Reading permission is enough: it changes no key, only how
 * fresh the dashboard's copy is, and support staff need it to audit what is current.
 */
export const POST = withPermission(
  'keys.read',
  async ({ user, params, body, meta, account }) =>
    keysResponse(() =>
      refreshAccountKeys(serverKeyDeps(account), user, params.accountId, {
        trigger: 'manual',
        keyId: body.keyId,
        origin: meta,
      }),
    ),
  { params: accountRouteParams, body: refreshKeysInput, account: accountOf },
);
