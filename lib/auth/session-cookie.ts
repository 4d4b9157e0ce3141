import { z } from 'zod';
import { decode } from 'next-auth/jwt';
import { getConfig } from '@/lib/config';

/**
 * The session cookie next-auth writes, read without next-auth's request plumbing so that pages, route handlers and
 * the proxy all decide from the same token in the same way (and tests can drive a handler with a real cookie).
 */

/** next-auth's own rule: the `__Secure-` prefix when the site is served over https. */
export function sessionCookieName(): string {
  return process.env.NEXTAUTH_URL?.startsWith('https://') ? '__Secure-next-auth.session-token' : 'next-auth.session-token';
}

export function sessionSecret(): string {
  const secret = getConfig().nextAuthSecret ?? process.env.NEXTAUTH_SECRET;
  if (!secret) throw new Error('NEXTAUTH_SECRET is not set: start the dashboard with `npm start`, which provides it');
  return secret;
}

/** What the dashboard puts in the JWT; role and memberships are a hint for the UI, the database row decides. */
export const sessionTokenSchema = z.object({
  sub: z.string().min(1),
  email: z.string().optional(),
  name: z.string().nullish(),
  role: z.enum(['ADMIN', 'SUPPORT', 'LEAD']).optional(),
  accountIds: z.array(z.string()).optional(),
  exp: z.number().optional(),
});

export type SessionToken = z.infer<typeof sessionTokenSchema>;

/** The user id a session cookie names, or null when it is missing, forged, tampered with or expired. */
export async function readSessionToken(cookieValue: string | undefined): Promise<SessionToken | null> {
  if (!cookieValue) return null;
  try {
    const payload = await decode({ token: cookieValue, secret: sessionSecret() });
    const parsed = sessionTokenSchema.safeParse(payload);
    return parsed.success ? parsed.data : null;
  } catch {
    return null;
  }
}
