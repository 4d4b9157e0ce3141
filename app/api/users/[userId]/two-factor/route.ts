import { NextResponse } from 'next/server';
import { z } from 'zod';
import { withPermission } from '@/lib/auth/with-permission';
import { serverDatabaseDeps } from '@/lib/db/deps';
import { userIdSchema } from '@/lib/users/user-input';
import { resetTwoFactor } from '@/lib/users/user-service';

/** DELETE: reset the user's 2FA (a lost phone); they enrol again at their next sign-in. */
export const DELETE = withPermission(
  'users.manage',
  async ({ user, params, meta }) =>
    NextResponse.json({ user: await resetTwoFactor(serverDatabaseDeps(), user, params.userId, meta) }),
  { params: z.object({ userId: userIdSchema }) },
);
