import { NextResponse } from 'next/server';
import { z } from 'zod';
import { accountIdSchema, credentialInputSchema } from '@/lib/accounts/account-input';
import { rotateCredential } from '@/lib/accounts/account-service';
import { jsonError, withPermission } from '@/lib/auth/with-permission';

/** PUT: replace the stored credential in place, once sendSMS accepts the new one. */
export const PUT = withPermission(
  'accounts.manage',
  async ({ user, params, body, meta }) => {
    const account = await rotateCredential(user, params.accountId, body, meta);
    return account ? NextResponse.json({ account }) : jsonError(404, 'not_found', 'No such sendSMS account');
  },
  { params: z.object({ accountId: accountIdSchema }), body: credentialInputSchema, account: ({ params }) => params.accountId },
);
