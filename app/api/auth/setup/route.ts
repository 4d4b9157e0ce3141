import { NextResponse, type NextRequest } from 'next/server';
import { createFirstAdmin, firstAdminSchema } from '@/lib/auth/first-admin';
import { serverDatabaseDeps } from '@/lib/db/deps';
import { isCrossOriginWrite } from '@/lib/auth/same-origin';
import { sourceIpOf, userAgentOf } from '@/lib/auth/source-ip';
import { errorResponse } from '@/lib/errors/error-response';
import { crossSiteRefused } from '@/lib/errors/refusals';
import { requestLocale } from '@/lib/errors/request-locale';
import { readJsonBody } from '@/lib/http/read-json-body';
import { createLogger } from '@/lib/log';

const log = createLogger('auth');

/**
 * The one write that needs no session: creating the first admin while no user exists (409 afterwards). It is
 * not wrapped in withPermission because there is nobody to check yet; it still refuses cross-origin posts.
 */
export async function POST(request: NextRequest): Promise<Response> {
  // Nobody is signed in yet: the language is the browser's (or the language switch's cookie).
  const locale = requestLocale(request);
  if (isCrossOriginWrite(request)) return errorResponse(crossSiteRefused(), { locale });
  // Read within the size limit (413 past it); an unreadable body is the mapper's 422 like any invalid one.
  const body = await readJsonBody(request);
  if (!body.ok) return errorResponse(body.error, { locale });
  try {
    const input = firstAdminSchema.parse(body.value);
    await createFirstAdmin(serverDatabaseDeps(), input, {
      sourceIp: sourceIpOf(request.headers),
      userAgent: userAgentOf(request.headers),
    });
    return NextResponse.json({ created: true }, { status: 201 });
  } catch (error) {
    return errorResponse(error, { locale, logger: log, context: 'POST /api/auth/setup' });
  }
}
