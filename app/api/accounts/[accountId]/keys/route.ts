import { withPermission } from '@/lib/auth/with-permission';
import { serverKeyDeps } from '@/lib/keys/deps';
import { generateApiKey } from '@/lib/keys/generate-service';
import { generateKeyInput } from '@/lib/keys/inputs';
import { parseKeyListQuery } from '@/lib/keys/list-query-strict';
import { listAccountKeys } from '@/lib/keys/list-service';
import { keysResponse } from '@/lib/keys/route-response';
import { accountOf, accountRouteParams } from '@/lib/keys/route-params';

/** GET: one page of the account's keys (search, filters, sort, page in the query string). POST: "Generate". */
export const GET = withPermission(
  'keys.read',
  async ({ user, params, request, account }) => {
    const query = parseKeyListQuery(request.nextUrl.searchParams);
    // A bad query is answered 422 by withPermission's mapper, like a bad body.
    if (!query.success) throw query.error;
    return keysResponse(() => listAccountKeys(serverKeyDeps(account), { actor: user, ...params }, query.data));
  },
  { params: accountRouteParams, account: accountOf },
);

export const POST = withPermission(
  'keys.manage',
  async ({ user, params, body, meta, account }) =>
    keysResponse(() => generateApiKey(serverKeyDeps(account), { actor: user, ...params, origin: meta }, body), 201),
  { params: accountRouteParams, body: generateKeyInput, account: accountOf },
);
