import { NextResponse, type NextRequest } from 'next/server';
import { PATHNAME_HEADER } from '@/lib/auth/page-guard-header';
import { reachedOverHttps } from '@/lib/auth/request-origin';
import { readSessionToken, sessionCookieValue } from '@/lib/auth/session-cookie';
import { restartIdleClock } from '@/lib/auth/session-lifetime';
import { errorResponse } from '@/lib/errors/error-response';
import { badAddress } from '@/lib/errors/refusals';
import { requestLocale } from '@/lib/errors/request-locale';
import { errorText, say } from '@/lib/errors/text/localized-text';
import { hasMalformedEncoding } from '@/lib/http/malformed-path';

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
  // Next.js answers a bare 500 for a path it cannot decode, before any handler runs: refuse it here as the bad
  // request it is. The matcher sends API paths here only when they hold a %, so other API calls still skip the proxy.
  if (hasMalformedEncoding(pathname)) {
    // In the reader's language, as far as the request says it (no session is read here).
    const locale = requestLocale(request);
    const malformed = errorText('request.malformedPath');
    return pathname.startsWith('/api/')
      ? errorResponse(badAddress(malformed), { locale })
      : new NextResponse(say(malformed, locale), {
          status: 400,
          headers: {
            'content-type': 'text/plain; charset=utf-8',
            'content-language': locale,
            'cache-control': 'no-store',
          },
        });
  }
  if (pathname.startsWith('/api/')) return NextResponse.next();
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
  // Not for API routes (see above), Next's own assets and files from public/, which carry nothing to protect; API
  // paths with a % in them only, for the encoding check.
  matcher: ['/((?!api/|_next/static|_next/image|favicon.ico|.*\\.(?:svg|png|ico|txt|webmanifest)$).*)', '/api/(.*%.*)'],
};
