import { withPermission } from '@/lib/auth/with-permission';
import { csvResponse } from '@/lib/csv/csv-response';
import { serverKeyDeps } from '@/lib/keys/deps';
import { exportAccountKeysCsv } from '@/lib/keys/keys-export';
import { accountOf, accountRouteParams } from '@/lib/keys/route-params';

/** GET: every key of the account as CSV (a credential report: no secret), streamed. */
export const GET = withPermission(
  'keys.read',
  async ({ user, params, meta, account, request }) => {
    const csv = await exportAccountKeysCsv(serverKeyDeps(account), {
      actor: user,
      accountId: params.accountId,
      origin: meta,
      path: request.nextUrl.pathname,
    });
    return csvResponse(csv.filename, csv.lines);
  },
  { params: accountRouteParams, account: accountOf },
);
