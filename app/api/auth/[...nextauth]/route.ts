import NextAuth from 'next-auth';
import { NextResponse, type NextRequest } from 'next/server';
import { buildAuthOptions } from '@/lib/auth/auth-options';
import { declaresTooLarge, tooLarge } from '@/lib/http/read-json-body';

/**
 * next-auth's own endpoints (csrf, providers, signin, callback, session, signout). They have their own CSRF
 * token and are public by nature, so they are the one route not wrapped in withPermission.
 */
async function handler(request: NextRequest, context: { params: Promise<{ nextauth: string[] }> }): Promise<Response> {
  // next-auth reads the (form) body itself; one that says it is over the limit is refused before it does.
  if (declaresTooLarge(request)) {
    const refusal = tooLarge();
    return NextResponse.json({ error: refusal.error, message: refusal.message }, { status: refusal.status });
  }
  return NextAuth(request, context, buildAuthOptions()) as Promise<Response>;
}

export { handler as GET, handler as POST };
