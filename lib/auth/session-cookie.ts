import 'server-only';
import { z } from 'zod';
import { decode } from 'next-auth/jwt';
import { getConfig } from '@/lib/config';
import { Role } from '@/lib/generated/prisma/enums';

/**
 * The session cookie next-auth writes, read without next-auth's request plumbing so that pages, route handlers and
 * the proxy all decide from the same token in the same way (and tests can drive a handler with a real cookie).
 */

const SECURE_NAME = '__Secure-next-auth.session-token';
const PLAIN_NAME = 'next-auth.session-token';

/**
 * next-auth's own naming rule: the `__Secure-` prefix (which browsers accept only on a Secure cookie) when the
 * dashboard is reached over https, directly or through a TLS-terminating proxy; see lib/auth/request-origin.ts.
 */
export function sessionCookieName(secure: boolean): string {
  return secure ? SECURE_NAME : PLAIN_NAME;
}

/** The session cookie's value from a request's cookies, whichever of the two names it was set under. */
export function sessionCookieValue(cookies: { get(name: string): { value: string } | undefined }): string | undefined {
  return cookies.get(SECURE_NAME)?.value ?? cookies.get(PLAIN_NAME)?.value;
}

export function sessionSecret(): string {
  const secret = getConfig().nextAuthSecret ?? process.env.NEXTAUTH_SECRET;
  if (!secret) throw new Error('NEXTAUTH_SECRET is not set: start the dashboard with `npm start`, which provides it');
  return secret;
}

/**
 * What the dashboard puts in the JWT; role and memberships are a hint for the UI, the database row decides. A token
 * without `sv` and `sid` (made before sessions could end on the server) is refused by the session lookup.
 */
export const sessionTokenSchema = z.object({
  sub: z.string().min(1),
  email: z.string().optional(),
  name: z.string().nullish(),
  role: z.enum(Role).optional(),
  accountIds: z.array(z.string()).optional(),
  /** The user's session version at sign-in: a session from before a password, 2FA, role or disabled change is over. */
  sv: z.number().int().optional(),
  /** This session's id: signing out records it as ended (lib/auth/session-revocation.ts). */
  sid: z.string().min(1).max(100).optional(),
  exp: z.number().optional(),
});

export type SessionToken = z.infer<typeof sessionTokenSchema>;

/**
 * Decoded cookies, by value. Decoding (key derivation plus AES-GCM) costs about 0.1 ms and a page view decodes
 * the same cookie in the proxy and again in the page; the same value always decodes to the same token under the
 * same secret, so a hit is exact. Expiry is checked on every hit. Only valid tokens are kept, at most this many.
 */
const DECODED_LIMIT = 1_000;
const decoded = new Map<string, { secret: string; token: SessionToken }>();

/** The user id a session cookie names, or null when it is missing, forged, tampered with or expired. */
export async function readSessionToken(cookieValue: string | undefined): Promise<SessionToken | null> {
  if (!cookieValue) return null;
  const secret = sessionSecret();
  const known = decoded.get(cookieValue);
  if (known && known.secret === secret) return isExpired(known.token) ? null : known.token;
  try {
    const payload = await decode({ token: cookieValue, secret });
    const parsed = sessionTokenSchema.safeParse(payload);
    if (!parsed.success) return null;
    if (decoded.size >= DECODED_LIMIT) decoded.delete(decoded.keys().next().value!);
    decoded.set(cookieValue, { secret, token: parsed.data });
    return parsed.data;
  } catch {
    return null;
  }
}

function isExpired(token: SessionToken): boolean {
  return token.exp !== undefined && token.exp * 1000 <= Date.now();
}
