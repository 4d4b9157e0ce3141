import { NextResponse, type NextRequest } from 'next/server';
import { PATHNAME_HEADER } from '@/lib/auth/page-guard-header';
import { readSessionToken, sessionCookieName } from '@/lib/auth/session-cookie';
import { reissuedSessionToken, sessionIdleSeconds } from '@/lib/auth/session-lifetime';

/**
 * Runs before every page and API request. Pages without a valid session cookie go to /login with the address to
 * come back to; a valid cookie is re-issued so that the idle clock restarts. This is the optimistic check only:
 * pages (requirePagePermission) and route handlers (withPermission) check the user row, the role and the account.
 */

/** Pages anyone may open; everything else needs a session. */
const PUBLIC_PAGES = ['/login', '/setup', '/forbidden'];

export async function proxy(request: NextRequest) {
  const { pathname, search } = request.nextUrl;
  const isApi = pathname.startsWith('/api/');
  const cookieName = sessionCookieName();
  const token = await readSessionToken(request.cookies.get(cookieName)?.value);

  if (!token && !isApi && !PUBLIC_PAGES.some((page) => pathname === page || pathname.startsWith(`${page}/`))) {
    const login = new URL('/login', request.url);
    login.searchParams.set('callbackUrl', `${pathname}${search}`);
    return NextResponse.redirect(login);
  }

  const requestHeaders = new Headers(request.headers);
  requestHeaders.set(PATHNAME_HEADER, `${pathname}${search}`);
  const response = NextResponse.next({ request: { headers: requestHeaders } });

  // next-auth's own endpoints manage the cookie themselves (sign-in, sign-out).
  if (token && !pathname.startsWith('/api/auth/')) {
    const reissued = await reissuedSessionToken(token);
    if (reissued) {
      response.cookies.set(cookieName, reissued, {
        httpOnly: true,
        sameSite: 'lax',
        path: '/',
        secure: cookieName.startsWith('__Secure-'),
        maxAge: sessionIdleSeconds(),
      });
    }
  }
  return response;
}

export const config = {
  // Not for Next's own assets and files from public/, which carry nothing to protect.
  matcher: ['/((?!_next/static|_next/image|favicon.ico|.*\\.(?:svg|png|ico|txt|webmanifest)$).*)'],
};
