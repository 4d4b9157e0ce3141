import { NextResponse } from 'next/server';
import { z } from 'zod';
import { accountIdSchema, credentialInputSchema } from '@/lib/accounts/account-input';
import { rotateCredential } from '@/lib/accounts/account-service';
import { serverAccountDeps } from '@/lib/accounts/deps';
import { withPermission } from '@/lib/auth/with-permission';
import { notFound } from '@/lib/errors/refusals';

/** PUT: replace the stored credential in place, once sendSMS accepts the new one. */
export const PUT = withPermission(
  'accounts.manage',
  async ({ user, params, body, meta }) => {
    const account = await rotateCredential(serverAccountDeps(), user, params.accountId, body, meta);
    if (!account) throw notFound('There is no such sendSMS account.');
    return NextResponse.json({ account });
  },
  {
    params: z.object({ accountId: accountIdSchema }),
    body: credentialInputSchema,
    account: ({ params }) => params.accountId,
  },
);
