import { NextResponse, type NextRequest } from 'next/server';
import { PATHNAME_HEADER } from '@/lib/auth/page-guard-header';
import { reachedOverHttps } from '@/lib/auth/request-origin';
import { readSessionToken, sessionCookieValue } from '@/lib/auth/session-cookie';
import { restartIdleClock } from '@/lib/auth/session-lifetime';

/**
 * Runs before every page. Pages without a valid session cookie go to /login with the address to come back to; a
 * valid cookie is re-issued so that the idle clock restarts. This is the optimistic check only: pages
 * (requirePagePermission) check the user row, the role and the account.
 *
 * API routes are not matched: withPermission checks their session against the database and restarts the idle
 * clock itself, so running the proxy for them too would only decode the same cookie twice per call.
 */

/** Pages anyone may open; everything else needs a session. */
const PUBLIC_PAGES = ['/login', '/setup', '/forbidden'];

export async function proxy(request: NextRequest) {
  const { pathname, search } = request.nextUrl;
  const token = await readSessionToken(sessionCookieValue(request.cookies));

  if (!token && !PUBLIC_PAGES.some((page) => pathname === page || pathname.startsWith(`${page}/`))) {
    const login = new URL('/login', request.url);
    login.searchParams.set('callbackUrl', `${pathname}${search}`);
    return NextResponse.redirect(login);
  }

  const requestHeaders = new Headers(request.headers);
  requestHeaders.set(PATHNAME_HEADER, `${pathname}${search}`);
  const response = NextResponse.next({ request: { headers: requestHeaders } });
  if (token) await restartIdleClock(response, token, reachedOverHttps(request));
  return response;
}

export const config = {
  // Not for API routes (see above), Next's own assets and files from public/, which carry nothing to protect.
  matcher: ['/((?!api/|_next/static|_next/image|favicon.ico|.*\\.(?:svg|png|ico|txt|webmanifest)$).*)'],
};
