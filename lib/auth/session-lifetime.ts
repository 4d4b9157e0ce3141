import { encode } from 'next-auth/jwt';
import type { NextResponse } from 'next/server';
import { getConfig } from '@/lib/config';
import { sessionCookieName, sessionSecret, type SessionToken } from '@/lib/auth/session-cookie';

/**
 * Idle expiry: a session lives SESSION_IDLE_HOURS from its last use. next-auth sets that lifetime when it issues
 * the cookie; after that, each answer to a signed-in request re-issues it (pages from the proxy, API routes from
 * withPermission), at most once a minute, so only idleness ends a session (or the server: sign-out, a changed
 * password, 2FA or role, a disabled user; see lib/auth/session-user-lookup.ts).
 */

const REISSUE_AFTER_SECONDS = 60;

export function sessionIdleSeconds(): number {
  return getConfig().sessionIdleHours * 3600;
}

/** The cookie value for a token, sealed for a full idle lifetime from now. */
export function sealSessionToken(token: SessionToken): Promise<string> {
  const { sub, email, name, role, accountIds, sv, sid } = token;
  return encode({
    token: { sub, email, name, role, accountIds, sv, sid },
    secret: sessionSecret(),
    maxAge: sessionIdleSeconds(),
  });
}

/** A fresh cookie value for a still-valid token, or null when the current one is less than a minute old. */
export async function reissuedSessionToken(
  token: SessionToken,
  nowSeconds = Math.floor(Date.now() / 1000),
): Promise<string | null> {
  const lifetime = sessionIdleSeconds();
  if (token.exp !== undefined && token.exp - nowSeconds > lifetime - REISSUE_AFTER_SECONDS) return null;
  return sealSessionToken(token);
}

/** Sets the session cookie on an answer, Secure when the browser reached the dashboard over https. */
export function setSessionCookie(response: NextResponse, value: string, secure: boolean): void {
  response.cookies.set(sessionCookieName(secure), value, {
    httpOnly: true,
    sameSite: 'lax',
    path: '/',
    secure,
    maxAge: sessionIdleSeconds(),
  });
}

/** Sets the re-issued session cookie on an answer, when the token is due for one. */
export async function restartIdleClock(response: NextResponse, token: SessionToken, secure: boolean): Promise<void> {
  const reissued = await reissuedSessionToken(token);
  if (reissued) setSessionCookie(response, reissued, secure);
}
