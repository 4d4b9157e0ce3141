import { NextResponse } from 'next/server';
import { KeyServiceError } from '@/lib/keys/errors';

/**
 * The keys route handlers' answer: the service's result as JSON, or its KeyServiceError as JSON with the precise
 * status (404, 409, 422, 429, 501, 502, 503). Anything else is rethrown for withPermission to log as a 500.
 */
export async function keysResponse<T>(run: () => Promise<T>, status = 200): Promise<NextResponse> {
  try {
    return NextResponse.json(await run(), { status, headers: { 'cache-control': 'no-store' } });
  } catch (error) {
    if (!(error instanceof KeyServiceError)) throw error;
    const headers = new Headers({ 'cache-control': 'no-store' });
    if (error.options.retryAfterMs) headers.set('retry-after', String(Math.ceil(error.options.retryAfterMs / 1000)));
    return NextResponse.json(error.toJSON(), { status: error.httpStatus, headers });
  }
}
