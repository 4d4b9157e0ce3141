import { encode } from 'next-auth/jwt';
import { getConfig } from '@/lib/config';
import { sessionSecret, type SessionToken } from '@/lib/auth/session-cookie';

/**
 * Idle expiry: a session lives SESSION_IDLE_HOURS from its last use. next-auth sets that lifetime when it issues
 * the cookie; the proxy re-issues it as requests come, at most once a minute, so only idleness ends a session.
 */

const REISSUE_AFTER_SECONDS = 60;

export function sessionIdleSeconds(): number {
  return getConfig().sessionIdleHours * 3600;
}

/** A fresh cookie value for a still-valid token, or null when the current one is less than a minute old. */
export async function reissuedSessionToken(token: SessionToken, nowSeconds = Math.floor(Date.now() / 1000)): Promise<string | null> {
  const lifetime = sessionIdleSeconds();
  if (token.exp !== undefined && token.exp - nowSeconds > lifetime - REISSUE_AFTER_SECONDS) return null;
  const { sub, email, name, role, accountIds } = token;
  return encode({ token: { sub, email, name, role, accountIds }, secret: sessionSecret(), maxAge: lifetime });
}
