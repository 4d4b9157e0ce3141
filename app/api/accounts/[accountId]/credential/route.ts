import { NextResponse } from 'next/server';
import { z } from 'zod';
import { accountIdSchema, credentialInputSchema } from '@/lib/accounts/account-input';
import { rotateCredential } from '@/lib/accounts/account-service';
import { serverAccountDeps } from '@/lib/accounts/deps';
import { withPermission } from '@/lib/auth/with-permission';

/** PUT: replace the stored credential in place, once sendSMS accepts the new one. */
export const PUT = withPermission(
  'accounts.manage',
  async ({ user, params, body, meta }) => {
    const account = await rotateCredential(serverAccountDeps(), { actor: user, ...params, origin: meta }, body);
    return NextResponse.json({ account });
  },
  {
    params: z.object({ accountId: accountIdSchema }),
    body: credentialInputSchema,
    account: ({ params }) => params.accountId,
  },
);
