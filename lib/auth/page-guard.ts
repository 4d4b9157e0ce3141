import 'server-only';
import { headers } from 'next/headers';
import { forbidden, redirect } from 'next/navigation';
import { recordAccountView } from '@/lib/auth/account-view';
import { auditActor, recordAuditEvent } from '@/lib/audit/record';
import { PATHNAME_HEADER } from '@/lib/auth/page-guard-header';
import { deniedReason, type Permission } from '@/lib/auth/permissions';
import { getSessionState } from '@/lib/auth/session';
import type { SessionUser } from '@/lib/auth/session-user';
import { sourceIpOf, userAgentOf } from '@/lib/auth/source-ip';
import { getPrisma } from '@/lib/db/client';

/**
 * The page-side twin of `withPermission`, for server components:
 *
 *   const user = await requirePagePermission('keys.read', accountId);
 *
 * No session (or a disabled user): redirect to /login with the page as the return URL. An admin who owes a 2FA
 * enrolment: to /two-factor. Denied: the denial is audited and the page answers 403 inside the dashboard's frame
 * (app/(dashboard)/forbidden.tsx), saying why. A support
 * user opening an account's page is recorded as `account.view`.
 */

export async function requirePagePermission(permission: Permission, accountId?: string): Promise<SessionUser> {
  return guardPage(permission, accountId);
}

/** For pages any signed-in user may open (the overview): the session check alone. */
export async function requireSignedIn(): Promise<SessionUser> {
  return guardPage(null);
}

async function guardPage(permission: Permission | null, accountId?: string): Promise<SessionUser> {
  const requestHeaders = await headers();
  const path = requestHeaders.get(PATHNAME_HEADER) ?? '/';
  const state = await getSessionState();
  if (!state) redirect(`/login?callbackUrl=${encodeURIComponent(path)}`);
  if (state.mustEnrolTwoFactor && permission !== 'two_factor.enrol') redirect('/two-factor?required=1');

  const { user } = state;
  const meta = { sourceIp: sourceIpOf(requestHeaders), userAgent: userAgentOf(requestHeaders) };
  const reason = permission === null ? null : deniedReason(user, permission, accountId);
  if (reason) {
    await recordAuditEvent(getPrisma(), {
      ...auditActor(user),
      accountId: accountId ?? null,
      action: 'access.denied',
      params: { permission, method: 'GET', path, reason },
      outcome: 'denied',
      ...meta,
    });
    // Answered 403 inside the dashboard's frame by app/(dashboard)/forbidden.tsx, which says why.
    forbidden();
  }
  if (accountId !== undefined) await recordAccountView(getPrisma(), user, accountId, { path, ...meta });
  return user;
}
