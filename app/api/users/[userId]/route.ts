import { NextResponse } from 'next/server';
import { z } from 'zod';
import { withPermission } from '@/lib/auth/with-permission';
import { serverDatabaseDeps } from '@/lib/db/deps';
import { userChangeSchema, userIdSchema } from '@/lib/users/user-input';
import { changeUser } from '@/lib/users/user-service';

/** PATCH: role, memberships, disabled. A user of another tenant is a 403 (audited). */
export const PATCH = withPermission(
  'users.manage',
  async ({ user, params, body, meta }) =>
    NextResponse.json({ user: await changeUser(serverDatabaseDeps(), user, params.userId, body, meta) }),
  { params: z.object({ userId: userIdSchema }), body: userChangeSchema },
);
