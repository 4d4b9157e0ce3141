import 'server-only';
import crypto from 'node:crypto';
import type { AuthOptions } from 'next-auth';
import type { Provider } from 'next-auth/providers/index';
import CredentialsProvider from 'next-auth/providers/credentials';
import { recordAuditEvent } from '@/lib/audit/record';
import { signInWithPassword } from '@/lib/auth/credentials-sign-in';
import { sessionCookieName, sessionSecret, sessionTokenSchema } from '@/lib/auth/session-cookie';
import { sessionIdleSeconds } from '@/lib/auth/session-lifetime';
import { revokeSession } from '@/lib/auth/session-revocation';
import { selectSignInUser } from '@/lib/auth/repository';
import { sessionUserOf } from '@/lib/auth/session-user';
import { loadSessionUser } from '@/lib/auth/session-user-lookup';
import { sourceIpOf } from '@/lib/auth/source-ip';
import { getConfig } from '@/lib/config';
import { getPrisma } from '@/lib/db/client';
import { createLogger } from '@/lib/log';
import { isPlainText } from '@/lib/validation/text';

/**
 * next-auth 4 with JWT sessions. The JWT carries the user's id, role and memberships, the user's session version
 * and the session's own id; pages and routes still read the user row on every request
 * (lib/auth/session-user-lookup.ts), so the JWT is never the last word: signing out records the session's id as
 * ended, and next-auth's own /api/auth/session asks the same lookup, so an ended session is over there too.
 * Built per request: the secret and the OIDC settings exist only at run time, not during `next build`, and the
 * cookies are Secure when the browser reached the dashboard over https (`secure`).
 */

export const OIDC_PROVIDER_ID = 'oidc';

const authLog = createLogger('auth');

export function buildAuthOptions(secure = false): AuthOptions {
  const config = getConfig();
  const idleSeconds = sessionIdleSeconds();
  const providers: Provider[] = [
    CredentialsProvider({
      id: 'credentials',
      name: 'Email and password',
      credentials: { email: { type: 'email' }, password: { type: 'password' }, code: { type: 'text' } },
      async authorize(credentials, request) {
        const headers = (request.headers ?? {}) as Record<string, string | undefined>;
        const user = await signInWithPassword(credentials, {
          sourceIp: sourceIpOf(headers),
          userAgent: headers['user-agent']?.slice(0, 500) ?? null,
        });
        return {
          id: user.id,
          email: user.email,
          name: user.name,
          role: user.role,
          accountIds: user.accountIds,
          sessionVersion: user.sessionVersion,
        };
      },
    }),
  ];
  if (config.oidc) {
    providers.push({
      id: OIDC_PROVIDER_ID,
      name: config.oidc.name,
      type: 'oauth',
      wellKnown: `${config.oidc.issuer.replace(/\/$/, '')}/.well-known/openid-configuration`,
      clientId: config.oidc.clientId,
      clientSecret: config.oidc.clientSecret,
      authorization: { params: { scope: 'openid email profile' } },
      idToken: true,
      checks: ['pkce', 'state'],
      profile: (profile: { sub: string; email?: string; name?: string }) => ({
        id: profile.sub,
        email: profile.email?.toLowerCase() ?? null,
        name: profile.name ?? null,
      }),
    });
  }

  return {
    secret: sessionSecret(),
    providers,
    session: { strategy: 'jwt', maxAge: idleSeconds },
    jwt: { maxAge: idleSeconds },
    useSecureCookies: secure,
    cookies: {
      sessionToken: {
        name: sessionCookieName(secure),
        options: { httpOnly: true, sameSite: 'lax', path: '/', secure },
      },
    },
    // next-auth's own log lines through the dashboard's logger (redacted like every line). A session that has
    // ended is what sign-out is for, not an error: one debug line, not a stack trace per request.
    logger: {
      error(code, metadata) {
        if (code === 'JWT_SESSION_ERROR') authLog.debug('a session that has ended was refused by /api/auth/session');
        else {
          const cause = metadata instanceof Error ? metadata : (metadata as { error?: unknown }).error;
          authLog.error(`next-auth: ${code}${cause instanceof Error ? ` (${cause.message})` : ''}`);
        }
      },
      warn(code) {
        authLog.warn(`next-auth: ${code}`);
      },
      debug() {},
    },
    events: {
      async signOut({ token }) {
        const parsed = sessionTokenSchema.safeParse(token);
        if (parsed.success) await revokeSession(getPrisma(), parsed.data);
      },
    },
    pages: { signIn: '/login', error: '/login' },
    callbacks: {
      // Single sign-on admits only people who already have a dashboard user (created or invited by an admin).
      async signIn({ user, account }) {
        if (account?.provider !== OIDC_PROVIDER_ID) return true;
        const email = user.email?.toLowerCase();
        // The provider's answer is input too: an email PostgreSQL cannot compare (a NUL in it) is nobody invited.
        const known = email && isPlainText(email) ? await selectSignInUser(getPrisma(), email) : null;
        await recordAuditEvent(getPrisma(), {
          actorId: known?.id ?? null,
          actorEmail: email ?? null,
          actorRole: known?.role ?? null,
          action: 'auth.sign_in',
          params:
            known && !known.disabledAt ? { method: 'oidc' } : { method: 'oidc', reason: 'not invited or disabled' },
          outcome: known && !known.disabledAt ? 'success' : 'denied',
        });
        return known && !known.disabledAt ? true : '/login?error=sso-not-invited';
      },
      async jwt({ token, user, account }) {
        if (!user) {
          // next-auth's own /api/auth/session: a session ended on the server is over here too (throwing makes
          // next-auth answer an empty session and clear the cookie).
          const parsed = sessionTokenSchema.safeParse(token);
          if (!parsed.success || !(await loadSessionUser(parsed.data))) throw new Error('the session has ended');
          return token;
        }
        const sid = crypto.randomUUID();
        if (account?.provider === OIDC_PROVIDER_ID) {
          const row = await selectSignInUser(getPrisma(), user.email!.toLowerCase());
          if (!row) return token;
          const { id, ...identity } = sessionUserOf(row);
          return { sub: id, ...identity, sv: row.sessionVersion, sid };
        }
        const signedIn = user as typeof user & { role: string; accountIds: string[]; sessionVersion: number };
        return {
          sub: signedIn.id,
          email: signedIn.email,
          name: signedIn.name,
          role: signedIn.role,
          accountIds: signedIn.accountIds,
          sv: signedIn.sessionVersion,
          sid,
        };
      },
      async session({ session, token }) {
        return { ...session, user: { ...session.user, id: token.sub, role: token.role, accountIds: token.accountIds } };
      },
    },
  };
}
