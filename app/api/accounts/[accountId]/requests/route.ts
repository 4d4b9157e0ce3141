import { withPermission } from '@/lib/auth/with-permission';
import { serverKeyDeps } from '@/lib/keys/deps';
import { keysResponse } from '@/lib/keys/route-response';
import { accountOf, accountRouteParams } from '@/lib/keys/route-params';
import { builderRunInput, runBuilderRequest } from '@/lib/request-builder/run-request';

/**
 * POST: the Request Builder's "Test request". Reading requests is the least a caller needs; the service asks for
 * `requests.write` itself when the request changes a key (token_add_ip), and that refusal is a 403 too.
 */
export const POST = withPermission(
  'requests.read',
  async ({ user, params, body, meta, account, locale }) =>
    keysResponse(() => runBuilderRequest(serverKeyDeps(account), user, params.accountId, body, meta, locale)),
  { params: accountRouteParams, body: builderRunInput, account: accountOf },
);
