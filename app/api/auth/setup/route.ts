import { NextResponse, type NextRequest } from 'next/server';
import { RequestRefusedError } from '@/lib/auth/access-denied';
import { createFirstAdmin, firstAdminSchema } from '@/lib/auth/first-admin';
import { isCrossOriginWrite } from '@/lib/auth/same-origin';
import { sourceIpOf, userAgentOf } from '@/lib/auth/source-ip';
import { jsonError } from '@/lib/auth/with-permission';
import { readJsonBody } from '@/lib/http/read-json-body';

/**
 * The one write that needs no session: creating the first admin while no user exists (409 afterwards). It is
 * not wrapped in withPermission because there is nobody to check yet; it still refuses cross-origin posts.
 */
export async function POST(request: NextRequest): Promise<Response> {
  if (isCrossOriginWrite(request)) return jsonError(403, 'forbidden', 'This request came from another site and was refused');
  const body = await readJsonBody(request);
  if (!body.ok) return jsonError(body.status, body.error, body.message);
  const parsed = firstAdminSchema.safeParse(body.value);
  if (!parsed.success) {
    const issues = parsed.error.issues.map((issue) => ({ path: issue.path.join('.'), message: issue.message }));
    return NextResponse.json({ error: 'invalid', message: `${issues[0]?.path}: ${issues[0]?.message}`, issues }, { status: 422 });
  }
  try {
    await createFirstAdmin(parsed.data, { sourceIp: sourceIpOf(request.headers), userAgent: userAgentOf(request.headers) });
    return NextResponse.json({ created: true }, { status: 201 });
  } catch (error) {
    if (error instanceof RequestRefusedError) return jsonError(error.status, 'refused', error.message);
    throw error;
  }
}
