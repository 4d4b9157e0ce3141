import { NextResponse } from 'next/server';
import { z } from 'zod';
import { accountIdSchema } from '@/lib/accounts/account-input';
import { viewAccount } from '@/lib/accounts/account-service';
import { jsonError, withPermission } from '@/lib/auth/with-permission';

/** One account's summary (never its credential); a support user's read is recorded as account.view. */
export const GET = withPermission(
  'accounts.read',
  async ({ user, params, meta, request }) => {
    const account = await viewAccount(user, params.accountId, { ...meta, path: request.nextUrl.pathname });
    return account ? NextResponse.json({ account }) : jsonError(404, 'not_found', 'No such sendSMS account');
  },
  { params: z.object({ accountId: accountIdSchema }), account: ({ params }) => params.accountId },
);
