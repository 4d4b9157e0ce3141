/**
 * `npm run bench:builder`: what "Test request" adds over the same call made straight to the sandbox, at the median.
 * The dashboard runs as `npm start` runs it (built tree, embedded PostgreSQL, the sandbox), signed in as the demo
 * admin through next-auth's own endpoints. The request is `ping`: it takes no budget slot, so a thousand of them
 * measure the builder's own path (session, permission, account, the call, the audit row) and not the 10-a-minute
 * limit. Direct and builder calls are interleaved so both see the same machine.
 *
 *   CALLS=1000 npm run bench:builder
 */
import { freshEnvironment, median, startDashboard } from '@/bench/support/dashboard-process';

const CALLS = Number(process.env.CALLS ?? 500);
const WARM_UP = 50;

async function signIn(baseUrl: string, email: string, password: string): Promise<string> {
  const csrfResponse = await fetch(`${baseUrl}/api/auth/csrf`);
  const { csrfToken } = (await csrfResponse.json()) as { csrfToken: string };
  const csrfCookie = cookiesOf(csrfResponse);
  const response = await fetch(`${baseUrl}/api/auth/callback/credentials`, {
    method: 'POST',
    redirect: 'manual',
    headers: { 'content-type': 'application/x-www-form-urlencoded', cookie: csrfCookie },
    body: new URLSearchParams({ csrfToken, email, password, json: 'true', callbackUrl: '/' }),
  });
  const session = cookiesOf(response);
  if (!/session-token=/.test(session)) throw new Error(`could not sign in as ${email} (HTTP ${response.status})`);
  return `${csrfCookie}; ${session}`;
}

function cookiesOf(response: Response): string {
  return response.headers
    .getSetCookie()
    .map((cookie) => cookie.split(';')[0])
    .join('; ');
}

async function main() {
  const env = await freshEnvironment();
  const dashboard = await startDashboard(env);
  try {
    const cookie = await signIn(dashboard.baseUrl, 'admin@demo.local', 'demo');
    const accounts = (await (await fetch(`${dashboard.baseUrl}/api/accounts`, { headers: { cookie } })).json()) as {
      accounts: Array<{ id: string; username: string }>;
    };
    const accountId = accounts.accounts.find((account) => account.username === 'demo')!.id;
    const origin = dashboard.baseUrl;

    const direct = async () => {
      const response = await fetch(`${dashboard.sandboxUrl}?action=ping`);
      await response.text();
    };
    const viaBuilder = async () => {
      const response = await fetch(`${dashboard.baseUrl}/api/accounts/${accountId}/requests`, {
        method: 'POST',
        headers: { cookie, origin, 'content-type': 'application/json' },
        body: JSON.stringify({ action: 'ping' }),
      });
      if (response.status !== 200)
        throw new Error(`Test request answered HTTP ${response.status}: ${await response.text()}`);
      await response.json();
    };

    for (let index = 0; index < WARM_UP; index += 1) {
      await direct();
      await viaBuilder();
    }
    const directTimes: number[] = [];
    const builderTimes: number[] = [];
    for (let index = 0; index < CALLS; index += 1) {
      let started = performance.now();
      await direct();
      directTimes.push(performance.now() - started);
      started = performance.now();
      await viaBuilder();
      builderTimes.push(performance.now() - started);
    }
    const added = median(builderTimes) - median(directTimes);
    process.stdout.write(
      [
        '',
        `Request Builder "Test request" (ping), ${CALLS} calls each, interleaved, medians:`,
        `  straight to the sandbox: ${median(directTimes).toFixed(2)} ms`,
        `  through Test request:    ${median(builderTimes).toFixed(2)} ms`,
        `  added by the builder:    ${added.toFixed(2)} ms   (target ≤ 5 ms)`,
        '',
      ].join('\n'),
    );
  } finally {
    await dashboard.stop();
    env.remove();
  }
}

main().catch((error: unknown) => {
  process.stderr.write(`bench:builder failed: ${error instanceof Error ? error.message : String(error)}\n`);
  process.exit(1);
});
