import type { AppError } from '@/lib/errors/app-error';
import { invalid, tooLarge } from '@/lib/errors/refusals';

/**
 * Reads a request's JSON body, refusing one over the limit before it is parsed (413). The limit is far above any
 * body the dashboard sends (the largest, a new user with 200 memberships, is under 10 KB), and without it a 20 MB
 * body would be held in memory and parsed whole before zod refused it. A declared Content-Length over the limit is
 * refused unread; otherwise the stream is read with a running count and abandoned as soon as it passes the limit,
 * so a chunked body or a lying header cannot get round it.
 */

export const MAX_JSON_BODY_BYTES = 64 * 1024;

/** A refusal is the dashboard's one error type, for the caller to answer through lib/errors/error-response.ts. */
export type JsonBodyRead = { ok: true; value: unknown } | { ok: false; error: AppError };

/** The 413 for a body over the limit. */
export const bodyTooLarge = (limit = MAX_JSON_BODY_BYTES): AppError =>
  tooLarge('request.tooLarge', { values: { kb: Math.round(limit / 1024) } });

const refused = (error: AppError): JsonBodyRead => ({ ok: false, error });
const notJson = (): JsonBodyRead => refused(invalid('request.notJson'));

/** The body's declared length is over the limit: refuse it without reading a byte. */
export function declaresTooLarge(request: Request, limit = MAX_JSON_BODY_BYTES): boolean {
  const declared = request.headers.get('content-length');
  return declared !== null && /^\d+$/.test(declared.trim()) && Number(declared) > limit;
}

export async function readJsonBody(request: Request, limit = MAX_JSON_BODY_BYTES): Promise<JsonBodyRead> {
  if (declaresTooLarge(request, limit)) {
    await request.body?.cancel().catch(() => undefined);
    return refused(bodyTooLarge(limit));
  }
  if (!request.body) return notJson();

  const reader = request.body.getReader();
  const chunks: Uint8Array[] = [];
  let size = 0;
  try {
    for (;;) {
      const { done, value } = await reader.read();
      if (done) break;
      size += value.byteLength;
      if (size > limit) {
        await reader.cancel().catch(() => undefined);
        return refused(bodyTooLarge(limit));
      }
      chunks.push(value);
    }
  } catch {
    // The client went away or sent a broken stream: nothing to parse.
    return notJson();
  }

  try {
    // fatal: bytes that are not UTF-8 are not JSON, rather than text with replacement characters in it.
    const text = new TextDecoder('utf-8', { fatal: true }).decode(Buffer.concat(chunks));
    return { ok: true, value: JSON.parse(text) };
  } catch {
    return notJson();
  }
}
