import { NextResponse } from 'next/server';
import { newAccountSchema } from '@/lib/accounts/account-input';
import { createAccount, listAccounts } from '@/lib/accounts/account-service';
import { serverAccountDeps } from '@/lib/accounts/deps';
import { withPermission } from '@/lib/auth/with-permission';
import { serverDatabaseDeps } from '@/lib/db/deps';

/** GET: the accounts the user may see. POST: an admin adds a sendSMS account (checked with user_get_balance first). */
export const GET = withPermission('accounts.read', async ({ user }) =>
  NextResponse.json({ accounts: await listAccounts(serverDatabaseDeps(), user) }),
);

export const POST = withPermission(
  'accounts.manage',
  async ({ user, body, meta }) =>
    NextResponse.json({ account: await createAccount(serverAccountDeps(), user, body, meta) }, { status: 201 }),
  { body: newAccountSchema },
);
