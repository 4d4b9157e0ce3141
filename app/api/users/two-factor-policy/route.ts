import { NextResponse } from 'next/server';
import { z } from 'zod';
import { withPermission } from '@/lib/auth/with-permission';
import { serverDatabaseDeps } from '@/lib/db/deps';
import { setAdminTwoFactorRequired } from '@/lib/users/user-service';

/** PUT: whether admins must use 2FA: an installation-wide setting, so the installation admin's alone. */
export const PUT = withPermission(
  'installation.manage',
  async ({ user, body, meta }) => {
    await setAdminTwoFactorRequired(serverDatabaseDeps(), user, body.requireAdminTwoFactor, meta);
    return NextResponse.json({ requireAdminTwoFactor: body.requireAdminTwoFactor });
  },
  { body: z.object({ requireAdminTwoFactor: z.boolean() }) },
);
