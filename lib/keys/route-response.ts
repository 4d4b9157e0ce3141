import { NextResponse } from 'next/server';

/**
 * The keys route handlers' answer: the service's result as JSON, never cached. A refusal is not mapped here: it
 * reaches withPermission, whose one mapper (lib/errors/error-response.ts) answers every error the same way.
 */
export async function keysResponse<T>(run: () => Promise<T>, status = 200): Promise<NextResponse> {
  return NextResponse.json(await run(), { status, headers: { 'cache-control': 'no-store' } });
}
