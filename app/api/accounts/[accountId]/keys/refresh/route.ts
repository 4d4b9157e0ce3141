import { withPermission } from '@/lib/auth/with-permission';
import { progressResponse } from '@/lib/http/progress-response';
import { serverKeyDeps } from '@/lib/keys/deps';
import { refreshKeysInput } from '@/lib/keys/inputs';
import { refreshAccountKeys, type RefreshReport } from '@/lib/keys/refresh-service';
import { accountOf, accountRouteParams } from '@/lib/keys/route-params';
import type { RefreshProgress } from '@/lib/keys/types';

/**
 * POST: refresh from sendSMS now (within the budget). Reading permission is enough: it changes no key, only how
 * fresh the dashboard's copy is, and support staff need it to audit what is current. Asked with
 * `Accept: application/x-ndjson`, it says how far it has gone while it runs (lib/http/progress-response.ts).
 */
export const POST = withPermission(
  'keys.read',
  async ({ request, user, params, body, meta, account, locale }) =>
    progressResponse<RefreshProgress, RefreshReport>(
      request,
      (onProgress) =>
        refreshAccountKeys(serverKeyDeps(account), user, params.accountId, {
          trigger: 'manual',
          keyId: body.keyId,
          origin: meta,
          onProgress,
        }),
      { locale, context: `POST ${request.nextUrl.pathname}` },
    ),
  { params: accountRouteParams, body: refreshKeysInput, account: accountOf },
);
