import { UNLIMITED_BUDGET } from '@/lib/sendsms/budget';
import { createSendsmsClient } from '@/lib/sendsms/client';

/**
 * Whether a sendSMS endpoint answers at all, for /api/health and the overview: `action=ping` needs no credentials
 * and costs nothing. Through the one client (envelope, faults, redaction all as for every other call), with a short
 * timeout and no retry: a health check must answer quickly, and say why when sendSMS does not.
 */

export type UpstreamProbe = { state: 'ok'; latencyMs: number } | { state: 'down'; reason: string };

export async function pingUpstream(baseUrl: string, timeoutMs = 3_000): Promise<UpstreamProbe> {
  const client = createSendsmsClient({ baseUrl, timeoutMs, budget: UNLIMITED_BUDGET, retry: { attempts: 1 } });
  const started = performance.now();
  try {
    await client.call('ping');
    return { state: 'ok', latencyMs: Math.round(performance.now() - started) };
  } catch (error) {
    return {
      state: 'down',
      reason: error instanceof Error ? error.message.replace(/^sendSMS ping: /, '') : String(error),
    };
  }
}
