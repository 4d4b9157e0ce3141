import NextAuth from 'next-auth';
import type { NextRequest } from 'next/server';
import { buildAuthOptions } from '@/lib/auth/auth-options';
import { reachedOverHttps } from '@/lib/auth/request-origin';
import { errorResponse } from '@/lib/errors/error-response';
import { requestLocale } from '@/lib/errors/request-locale';
import { bodyTooLarge, declaresTooLarge } from '@/lib/http/read-json-body';

/**
 * next-auth's own endpoints (csrf, providers, signin, callback, session, signout). They have their own CSRF
 * token and are public by nature, so they are the one route not wrapped in withPermission.
 *
 * Without NEXTAUTH_URL, next-auth would take every request to be for http://localhost:3000 (its default): its
 * redirects after sign-in would leave the address the user is on. Trusting the forwarded host makes it answer for
 * the address of the request itself (X-Forwarded-Host/-Proto, which Next.js fills in from the socket when no proxy
 * sent them). NEXTAUTH_URL, when set, still wins.
 */
process.env.AUTH_TRUST_HOST ??= 'true';

async function handler(request: NextRequest, context: { params: Promise<{ nextauth: string[] }> }): Promise<Response> {
  // next-auth reads the (form) body itself; one that says it is over the limit is refused before it does.
  if (declaresTooLarge(request)) return errorResponse(bodyTooLarge(), { locale: requestLocale(request) });
  return NextAuth(request, context, buildAuthOptions(reachedOverHttps(request))) as Promise<Response>;
}

export { handler as GET, handler as POST };
