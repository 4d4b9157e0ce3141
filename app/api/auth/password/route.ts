import { NextResponse } from 'next/server';
import { changeOwnPassword, passwordChangeSchema } from '@/lib/auth/password-change';
import { serverDatabaseDeps } from '@/lib/db/deps';
import { withPermission } from '@/lib/auth/with-permission';

/** PUT: change one's own password (the current one required); every other session of the user ends. */
export const PUT = withPermission(
  'password.change',
  async ({ user, body, meta, renewSession }) => {
    const { sessionVersion } = await changeOwnPassword(serverDatabaseDeps(), user, body, meta);
    renewSession(sessionVersion);
    return NextResponse.json({ changed: true }, { headers: { 'cache-control': 'no-store' } });
  },
  { body: passwordChangeSchema },
);
