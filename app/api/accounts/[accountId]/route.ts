import { NextResponse } from 'next/server';
import { z } from 'zod';
import { accountIdSchema } from '@/lib/accounts/account-input';
import { viewAccount } from '@/lib/accounts/account-service';
import { withPermission } from '@/lib/auth/with-permission';
import { serverDatabaseDeps } from '@/lib/db/deps';

/** One account's summary (never its credential); a support user's read is recorded as account.view. */
export const GET = withPermission(
  'accounts.read',
  async ({ user, params, meta, request }) => {
    const call = { actor: user, ...params, origin: meta };
    const account = await viewAccount(serverDatabaseDeps(), call, request.nextUrl.pathname);
    return NextResponse.json({ account });
  },
  { params: z.object({ accountId: accountIdSchema }), account: ({ params }) => params.accountId },
);
