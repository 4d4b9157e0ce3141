import NextAuth from 'next-auth';
import type { NextRequest } from 'next/server';
import { buildAuthOptions } from '@/lib/auth/auth-options';

/**
 * next-auth's own endpoints (csrf, providers, signin, callback, session, signout). They have their own CSRF
 * token and are public by nature, so they are the one route not wrapped in withPermission.
 */
async function handler(request: NextRequest, context: { params: Promise<{ nextauth: string[] }> }): Promise<Response> {
  return NextAuth(request, context, buildAuthOptions()) as Promise<Response>;
}

export { handler as GET, handler as POST };
