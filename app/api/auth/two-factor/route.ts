import { NextResponse } from 'next/server';
import { z } from 'zod';
import { serverAuthDeps } from '@/lib/auth/deps';
import { confirmTwoFactorEnrolment, startTwoFactorEnrolment } from '@/lib/auth/two-factor-enrolment';
import { totpCodeSchema } from '@/lib/auth/totp';
import { withPermission } from '@/lib/auth/with-permission';

/** POST: a new secret and its QR code. PUT: confirm with a code; answers the ten recovery codes, once. */
export const POST = withPermission('two_factor.enrol', async ({ user }) =>
  NextResponse.json(await startTwoFactorEnrolment(serverAuthDeps(), user), {
    headers: { 'cache-control': 'no-store' },
  }),
);

export const PUT = withPermission(
  'two_factor.enrol',
  async ({ user, body, meta, renewSession }) => {
    const { recoveryCodes, sessionVersion } = await confirmTwoFactorEnrolment(serverAuthDeps(), user, body.code, meta);
    renewSession(sessionVersion);
    return NextResponse.json({ recoveryCodes }, { headers: { 'cache-control': 'no-store' } });
  },
  { body: z.object({ code: totpCodeSchema }) },
);
