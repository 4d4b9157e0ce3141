import { z } from 'zod';
import { mayHoldUnstorable, storableJson } from '@/lib/db/storable';
import { UpstreamFaultError } from '@/lib/sendsms/errors';

/**
 * sendSMS answers HTTP 200 with `{ status, message, details }` even on errors, sometimes served as text/html: the
 * body decides, never the content type. A non-2xx status, a body that is not JSON, or JSON without a status is
 * an upstream fault, not data. The raw body given here must already be redacted; it is kept (bounded) for support.
 */

export interface Envelope {
  status: number;
  message: string;
  details: unknown;
}

const MAX_KEPT_BODY = 8_192;

const envelopeSchema = z.looseObject({
  status: z.union([
    z.number().int(),
    z
      .string()
      .trim()
      .regex(/^-?\d+$/)
      .transform(Number),
  ]),
  message: z
    .unknown()
    .optional()
    .transform((value) =>
      typeof value === 'string' ? value : value === undefined || value === null ? '' : String(value),
    ),
  details: z.unknown().optional(),
});

export function keptBody(redactedBody: string): string {
  return redactedBody.length > MAX_KEPT_BODY
    ? `${redactedBody.slice(0, MAX_KEPT_BODY)}… (${redactedBody.length} characters in all)`
    : redactedBody;
}

export function parseEnvelope(action: string, httpStatus: number, body: string, redactedBody: () => string): Envelope {
  if (httpStatus < 200 || httpStatus > 299)
    throw new UpstreamFaultError(action, 'http-status', keptBody(redactedBody()), httpStatus);
  let json: unknown;
  try {
    json = JSON.parse(body.replace(/^\uFEFF/, ''));
    // An answer is stored as it comes (key names, tokens, IP lists, the builder's audit rows): a NUL or a lone
    // surrogate in it would make PostgreSQL fail the request with a 500, so it becomes U+FFFD here, once.
    if (mayHoldUnstorable(body)) json = storableJson(json);
  } catch {
    throw new UpstreamFaultError(
      action,
      'not-json',
      keptBody(redactedBody()),
      httpStatus,
      body.trim() === '' ? 'empty body' : undefined,
    );
  }
  // The usual answer, checked by hand: the schema below handles the odd shapes (a status as a string, a message
  // that is not one) and costs more than the rest of a call's parsing together.
  if (json !== null && typeof json === 'object' && !Array.isArray(json)) {
    const { status, message, details } = json as { status?: unknown; message?: unknown; details?: unknown };
    if (Number.isInteger(status) && (typeof message === 'string' || message === undefined)) {
      return { status: status as number, message: message ?? '', details: details ?? null };
    }
  }
  const envelope = envelopeSchema.safeParse(json);
  if (!envelope.success) throw new UpstreamFaultError(action, 'bad-envelope', keptBody(redactedBody()), httpStatus);
  return { status: envelope.data.status, message: envelope.data.message, details: envelope.data.details ?? null };
}
