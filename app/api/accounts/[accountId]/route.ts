import { NextResponse } from 'next/server';
import { z } from 'zod';
import { accountIdSchema } from '@/lib/accounts/account-input';
import { viewAccount } from '@/lib/accounts/account-service';
import { withPermission } from '@/lib/auth/with-permission';
import { serverDatabaseDeps } from '@/lib/db/deps';
import { notFound } from '@/lib/errors/refusals';

/** One account's summary (never its credential); a support user's read is recorded as account.view. */
export const GET = withPermission(
  'accounts.read',
  async ({ user, params, meta, request }) => {
    const account = await viewAccount(serverDatabaseDeps(), user, params.accountId, {
      ...meta,
      path: request.nextUrl.pathname,
    });
    if (!account) throw notFound('There is no such sendSMS account.');
    return NextResponse.json({ account });
  },
  { params: z.object({ accountId: accountIdSchema }), account: ({ params }) => params.accountId },
);
