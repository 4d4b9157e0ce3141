import 'server-only';
import { NextResponse, type NextRequest } from 'next/server';
import { z } from 'zod';
import type { AccountRow } from '@/lib/db/account-row';
import { recordAnonymousRefusal } from '@/lib/audit/anonymous-refusal';
import { auditActor, recordAuditEvent } from '@/lib/audit/record';
import type { Locale } from '@/i18n/locales';
import { deniedText } from '@/lib/auth/denied-text';
import type { Permission } from '@/lib/auth/permissions';
import { isCrossOriginWrite } from '@/lib/auth/same-origin';
import { reachedOverHttps } from '@/lib/auth/request-origin';
import { readSessionToken, sessionCookieValue, type SessionToken } from '@/lib/auth/session-cookie';
import { restartIdleClock, sealSessionToken, setSessionCookie } from '@/lib/auth/session-lifetime';
import type { SessionUser } from '@/lib/auth/session-user';
import type { RequestMeta } from '@/lib/auth/request-meta';
import { loadSessionUser } from '@/lib/auth/session-user-lookup';
import { sourceIpOf, userAgentOf } from '@/lib/auth/source-ip';
import { getPrisma } from '@/lib/db/client';
import { isAppError } from '@/lib/errors/app-error';
import { errorResponse } from '@/lib/errors/error-response';
import { accessDenied, crossSiteRefused, unauthenticated } from '@/lib/errors/refusals';
import { requestLocale } from '@/lib/errors/request-locale';
import { errorText, type LocalizedText } from '@/lib/errors/text/localized-text';
import { readJsonBody } from '@/lib/http/read-json-body';
import { createLogger } from '@/lib/log';

/**
 * The one wrapper around every route handler (Dub's `withWorkspace`): before the handler runs it refuses a
 * cross-origin write (403), checks the session against the database (401: no session, expired, or the user
 * disabled), the role against ROLE_PERMISSIONS (403), the route params with zod (422), the membership of the
 * account the URL names (403), then the JSON body (422) and an account the body names (403). So a foreign account
 * id in a URL is a 403 whatever the body holds. Every 403 to a signed-in user is written to the audit log as
 * `access.denied`; one to a caller without a session is counted per address and minute instead.
 *
 *   export const POST = withPermission('keys.manage', async ({ user, params, body, accountId, meta }) => ..., {
 *     params: z.object({ accountId: z.string() }),
 *     body: z.object({ name: z.string().min(1) }),
 *     account: ({ params }) => params.accountId,
 *   });
 *
 * Every error answers through the one mapper, lib/errors/error-response.ts: JSON `{ error, message, … }` (plus
 * `issues` for 422), its sentences in the reader's language: the signed-in user's choice, else the language cookie,
 * else Accept-Language (lib/errors/request-locale.ts), so that a caller without a session is answered in its
 * browser's language too. A handler or service throws an AppError (accessDenied(), a user or account from another
 * tenant in the request, is a 403 and audited), a zod error (422), or lets a sendSMS error through (429, 502, 503…);
 * anything else is a bug, logged and answered 500.
 */

export interface PermissionContext<Params, Body> {
  request: NextRequest;
  user: SessionUser;
  params: Params;
  body: Body;
  /** The account the permission was checked against, when the route is account-scoped. */
  accountId: string | undefined;
  /** That account's row, read with the session; pass it to serverKeyDeps() so the service does not read it again. */
  account: AccountRow | undefined;
  meta: RequestMeta;
  /** The reader's language, for a handler that says something in words. */
  locale: Locale;
  /**
   * After a change of the user's own that ended all their sessions (2FA on or off), keeps the one making the change:
   * its cookie is re-issued under the new session version.
   */
  renewSession: (sessionVersion: number) => void;
}

export interface PermissionOptions<Params, Body> {
  /** Validates the route's dynamic segments (a bad id is a 422, not a crash). */
  params?: z.ZodType<Params>;
  /** Validates the JSON body of a write. */
  body?: z.ZodType<Body>;
  /** The account the request acts on: its membership is checked with the role. */
  account?: (input: { params: Params; body: Body; request: NextRequest }) => string | undefined;
}

type RouteHandler = (
  request: NextRequest,
  context: { params: Promise<Record<string, string | string[] | undefined>> },
) => Promise<Response>;

const log = createLogger('auth');

export function withPermission<Params = Record<string, never>, Body = undefined>(
  permission: Permission,
  handler: (context: PermissionContext<Params, Body>) => Promise<Response>,
  options: PermissionOptions<Params, Body> = {},
): RouteHandler {
  return async (request, routeContext) => {
    const meta: RequestMeta = { sourceIp: sourceIpOf(request.headers), userAgent: userAgentOf(request.headers) };
    const path = request.nextUrl.pathname;

    if (isCrossOriginWrite(request)) {
      // A forged write riding a signed-in browser is recorded against that user; one without a session is only
      // counted (lib/audit/anonymous-refusal.ts), so that nobody can grow the audit log without signing in.
      const forgedToken = await readSessionToken(sessionCookieValue(request.cookies));
      const victim = forgedToken ? await loadSessionUser(forgedToken) : null;
      if (victim) {
        await auditDenial(victim.user, {
          permission,
          path,
          method: request.method,
          reason: 'cross-origin request',
          accountId: null,
          meta,
        });
      } else await countAnonymousRefusal(meta, path);
      return errorResponse(crossSiteRefused(), { locale: requestLocale(request, victim?.preferences) });
    }

    // The params are checked for real below, after the session (a bad id from a signed-out caller is a 401); a
    // valid account id is read here already, with the session, in the same round trip.
    const rawParams = await routeContext.params;
    const early = options.params?.safeParse(rawParams);
    const namedAccountId = early?.success ? safeAccountOf(options, early.data, request) : undefined;

    const token = await readSessionToken(sessionCookieValue(request.cookies));
    const state = token ? await loadSessionUser(token, namedAccountId) : null;
    if (!token || !state) return errorResponse(unauthenticated(), { locale: requestLocale(request) });
    const { user } = state;
    const locale = requestLocale(request, state.preferences);

    const deny = async (reason: LocalizedText, accountId: string | null) => {
      const refusal = accessDenied(reason, accountId);
      // The audit log keeps the English, whoever reads it later.
      await auditDenial(user, { permission, path, method: request.method, reason: refusal.message, accountId, meta });
      return errorResponse(refusal, { locale });
    };

    if (state.mustEnrolTwoFactor && permission !== 'two_factor.enrol') {
      return deny(errorText('forbidden.enrolTwoFactor'), null);
    }
    const roleDenial = deniedText(user, permission);
    if (roleDenial) return deny(roleDenial, null);

    const params = early ?? { success: true as const, data: {} as Params };
    if (!params.success) return errorResponse(params.error, { locale });

    // Membership is checked before the body is read whenever the route names the account in its URL, so that a
    // foreign account id is a 403 whatever the body holds; routes that name it in the body are checked after.
    let accountId = namedAccountId;
    if (accountId !== undefined) {
      const accountDenial = deniedText(user, permission, accountId);
      if (accountDenial) return deny(accountDenial, accountId);
    }

    let body = undefined as Body;
    if (options.body) {
      const raw = await readJsonBody(request);
      if (!raw.ok) return errorResponse(raw.error, { locale });
      const parsed = options.body.safeParse(raw.value);
      if (!parsed.success) return errorResponse(parsed.error, { locale });
      body = parsed.data;
    }

    const bodyAccountId = options.body ? options.account?.({ params: params.data, body, request }) : accountId;
    if (bodyAccountId !== accountId && bodyAccountId !== undefined) {
      accountId = bodyAccountId;
      const accountDenial = deniedText(user, permission, accountId);
      if (accountDenial) return deny(accountDenial, accountId);
    }
    // Handed over only now that the user may act on it, and only if it is the account the request acts on.
    const account = state.account && state.account.id === accountId ? state.account : undefined;

    try {
      let renewedVersion: number | undefined;
      const renewSession = (sessionVersion: number) => {
        renewedVersion = sessionVersion;
      };
      const response = await handler({
        request,
        user,
        params: params.data,
        body,
        accountId,
        account,
        meta,
        locale,
        renewSession,
      });
      const answer = response instanceof NextResponse ? response : new NextResponse(response.body, response);
      const secure = reachedOverHttps(request);
      if (renewedVersion !== undefined) {
        // The user's own change ended their other sessions; this one goes on under the new version.
        setSessionCookie(
          answer,
          await sealSessionToken({ ...token, sv: renewedVersion } satisfies SessionToken),
          secure,
        );
      } else {
        // The proxy does not run for API routes: a signed-in call restarts the session's idle clock here.
        await restartIdleClock(answer, token, secure);
      }
      return answer;
    } catch (error) {
      // Recognised by brand and code, not instanceof: the service may be another module copy than this one.
      if (isAppError(error) && error.httpStatus === 403) {
        await auditDenial(user, {
          permission,
          path,
          method: request.method,
          reason: error.message,
          accountId: error.options.accountId ?? null,
          meta,
        });
      }
      return errorResponse(error, { locale, logger: log, context: `${request.method} ${path}` });
    }
  };
}

/** The account a route names before its body is read; a route whose account comes only from the body names none yet. */
function safeAccountOf<Params, Body>(
  options: PermissionOptions<Params, Body>,
  params: Params,
  request: NextRequest,
): string | undefined {
  try {
    return options.account?.({ params, body: undefined as Body, request });
  } catch {
    return undefined;
  }
}

async function auditDenial(
  user: SessionUser,
  denial: {
    permission: Permission;
    path: string;
    method: string;
    reason: string;
    accountId: string | null;
    meta: RequestMeta;
  },
): Promise<void> {
  try {
    await recordAuditEvent(getPrisma(), {
      ...auditActor(user),
      accountId: denial.accountId,
      action: 'access.denied',
      params: { permission: denial.permission, method: denial.method, path: denial.path, reason: denial.reason },
      outcome: 'denied',
      sourceIp: denial.meta.sourceIp,
      userAgent: denial.meta.userAgent,
    });
  } catch (error) {
    // The refusal stands even if it could not be recorded.
    log.error('could not record a denied request in the audit log', error);
  }
}

async function countAnonymousRefusal(meta: RequestMeta, path: string): Promise<void> {
  try {
    await recordAnonymousRefusal(getPrisma(), { sourceIp: meta.sourceIp, path });
  } catch (error) {
    log.error('could not count a refused request without a session', error);
  }
}
