import { withPermission } from '@/lib/auth/with-permission';
import { authorizeKeyIp } from '@/lib/keys/authorize-ip-service';
import { serverKeyDeps } from '@/lib/keys/deps';
import { authorizeIpInput } from '@/lib/keys/inputs';
import { keysResponse } from '@/lib/keys/route-response';
import { accountOf, keyRouteParams } from '@/lib/keys/route-params';

/** POST: "Authorize IP" (token_add_ip); 409 asks for confirmation when only a call that would lock a Default key here is possible. */
export const POST = withPermission(
  'ips.authorize',
  async ({ user, params, body, meta, account }) =>
    keysResponse(() => authorizeKeyIp(serverKeyDeps(account), { actor: user, ...params, origin: meta }, body)),
  { params: keyRouteParams, body: authorizeIpInput, account: accountOf },
);
