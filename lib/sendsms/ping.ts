import { z } from 'zod';
import { redact } from '@/lib/redact';

/**
 * Whether a sendSMS endpoint answers at all: `action=ping` needs no credentials and costs nothing. sendSMS answers
 * HTTP 200 with a JSON envelope even on errors, sometimes as text/html, so the body decides, not the headers.
 */

const envelopeSchema = z.object({ status: z.number().int(), message: z.string().optional() });

export type UpstreamProbe = { state: 'ok'; latencyMs: number } | { state: 'down'; reason: string };

export async function pingUpstream(baseUrl: string, timeoutMs = 3_000): Promise<UpstreamProbe> {
  const url = new URL(baseUrl);
  url.searchParams.set('action', 'ping');
  const started = performance.now();
  try {
    const response = await fetch(url, { signal: AbortSignal.timeout(timeoutMs), cache: 'no-store' });
    const body = await response.text();
    if (!response.ok) return { state: 'down', reason: `HTTP ${response.status}` };
    let json: unknown;
    try {
      json = JSON.parse(body);
    } catch {
      return { state: 'down', reason: 'answered with a body that is not JSON' };
    }
    const envelope = envelopeSchema.safeParse(json);
    if (!envelope.success) return { state: 'down', reason: 'answered JSON without a status' };
    if (envelope.data.status < 0) return { state: 'down', reason: `ping answered status ${envelope.data.status}` };
    return { state: 'ok', latencyMs: Math.round(performance.now() - started) };
  } catch (error) {
    const reason = error instanceof Error && error.name === 'TimeoutError' ? `no answer within ${timeoutMs} ms` : connectionFailure(error);
    return { state: 'down', reason: redact(reason) };
  }
}

function connectionFailure(error: unknown): string {
  const cause = (error as { cause?: { code?: string } })?.cause;
  return cause?.code ? `connection failed (${cause.code})` : error instanceof Error ? error.message : String(error);
}
