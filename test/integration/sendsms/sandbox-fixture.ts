import crypto from 'node:crypto';
import { createLogger } from '@/lib/log';
import { startSandbox, type RunningSandbox, type SandboxOptions } from '@/lib/sendsms/sandbox/server';
import { CLIENT_IP_HEADER } from '@/lib/sendsms/sandbox/client-ip';
import { testDatabaseUrl } from '@/test/integration/support/database';

/** A sandbox on a free loopback port over the shared test database, and helpers to speak its wire protocol raw. */

export async function startTestSandbox(options: Partial<SandboxOptions> = {}): Promise<RunningSandbox> {
  return startSandbox({
    databaseUrl: testDatabaseUrl(),
    port: 0,
    log: createLogger('sandbox-test', () => undefined),
    poolSize: 4,
    ...options,
  });
}

/** A username no other test uses, so each test has its own budget and keys. */
export function uniqueUsername(prefix: string): string {
  return `${prefix}-${crypto.randomBytes(5).toString('hex')}`;
}

export interface WireAnswer {
  status: number;
  message: string;
  details: unknown;
}

/** One GET to the sandbox as an integration at `ip` would send it. */
export async function wire(
  sandbox: RunningSandbox,
  query: Record<string, string>,
  ip = '198.18.0.1',
): Promise<WireAnswer> {
  const url = `${sandbox.url}?${new URLSearchParams(query).toString()}`;
  const response = await fetch(url, { headers: { [CLIENT_IP_HEADER]: ip } });
  return (await response.json()) as WireAnswer;
}
