import 'server-only';
import { cookies } from 'next/headers';
import { cache } from 'react';
import { readSessionToken, sessionCookieValue } from '@/lib/auth/session-cookie';
import { loadSessionUser, type SessionUserState } from '@/lib/auth/session-user-lookup';

/**
 * The signed-in user for server components, with what the page guard needs to know beyond the user (a 2FA
 * enrolment still owed) and their language, or null: no cookie, an expired or forged one, or a user who has since been disabled or
 * deleted. Route handlers go through `withPermission` instead, which also checks the role and the account.
 */
export const getSessionState = cache(async (): Promise<SessionUserState | null> => {
  const cookieStore = await cookies();
  const token = await readSessionToken(sessionCookieValue(cookieStore));
  return token ? loadSessionUser(token) : null;
});
