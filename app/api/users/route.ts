import { NextResponse } from 'next/server';
import { withPermission } from '@/lib/auth/with-permission';
import { serverDatabaseDeps } from '@/lib/db/deps';
import { newUserSchema } from '@/lib/users/user-input';
import { createUser, listUsers } from '@/lib/users/user-service';

/** GET: the users this admin manages. POST: create a user with a role and memberships. */
export const GET = withPermission('users.manage', async ({ user }) =>
  NextResponse.json({ users: await listUsers(serverDatabaseDeps(), user) }),
);

export const POST = withPermission(
  'users.manage',
  async ({ user, body, meta }) =>
    NextResponse.json({ user: await createUser(serverDatabaseDeps(), user, body, meta) }, { status: 201 }),
  { body: newUserSchema },
);
