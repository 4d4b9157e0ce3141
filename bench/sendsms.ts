/**
 * `npm run bench:sendsms`: the three figures of issue 3, measured against the sandbox on loopback.
 *   1. Client overhead over a bare fetch of the same sandbox call (token_list_ips, account form), at the median; and
 *      over a bare node:http GET on a keep-alive agent, the client's own transport, so its own work shows alone.
 *   2. 100 concurrent identical reads for one account through the client: how many reach the upstream.
 *   3. Sandbox throughput and p99 for token_list_ips under autocannon (bounded: 10 s, 10 connections), with the
 *      sandbox in a child process so that the load tool and the server do not share one event loop.
 * Database: DATABASE_URL, else an embedded PostgreSQL of its own under DATA_DIR/bench on a free port.
 */
import { spawn } from 'node:child_process';
import http from 'node:http';
import path from 'node:path';
import autocannon from 'autocannon';
import { parseConfig } from '@/lib/config';
import { createPrismaClient } from '@/lib/db/client';
import { startEmbeddedPostgres } from '@/lib/runtime/embedded-postgres';
import { applyMigrations } from '@/lib/db/migrate';
import { createLogger } from '@/lib/log';
import { freePort } from '@/lib/runtime/ports';
import { UNLIMITED_BUDGET } from '@/lib/sendsms/budget';
import { createPostgresBudget } from '@/lib/sendsms/budget-postgres';
import { createSendsmsClient } from '@/lib/sendsms/client';
import { startSandbox } from '@/lib/sendsms/sandbox/server';

const log = createLogger('bench');
const root = path.resolve(__dirname, '..');
const SEQUENTIAL_CALLS = 2_000;
const LOAD_SECONDS = 10;
const LOAD_CONNECTIONS = 10;

async function freeDatabase(): Promise<{ url: string; stop(): Promise<void> }> {
  const config = parseConfig(process.env, root);
  if (config.databaseUrl) return { url: config.databaseUrl, stop: async () => undefined };
  const database = await startEmbeddedPostgres({
    dataDir: path.join(config.dataDir, 'bench'),
    port: await freePort(),
    log,
    databaseName: 'sendsms_bench',
  });
  return database;
}

/** Child mode: run only the sandbox (no budget: throughput is the question) and print its URL. */
async function serveSandbox(databaseUrl: string): Promise<void> {
  const sandbox = await startSandbox({
    databaseUrl,
    port: 0,
    log: createLogger('bench-sandbox', () => undefined),
    budget: null,
    poolSize: 10,
  });
  process.stdout.write(`SANDBOX ${sandbox.url}\n`);
  process.on('SIGTERM', () => void sandbox.stop().then(() => process.exit(0)));
}

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)]!;
}

async function main(): Promise<void> {
  if (process.argv[2] === '--sandbox-child') return serveSandbox(process.argv[3]!);
  const database = await freeDatabase();
  const child = spawn(process.execPath, [...process.execArgv, __filename, '--sandbox-child', database.url], {
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  try {
    const sandboxUrl = await new Promise<string>((resolve, reject) => {
      let output = '';
      child.stdout!.on('data', (chunk: Buffer) => {
        output += chunk.toString();
        const match = /SANDBOX (\S+)/.exec(output);
        if (match) resolve(match[1]!);
      });
      child.once('exit', (code) => reject(new Error(`the sandbox child exited (${code})`)));
    });
    await applyMigrations(database.url);

    // The demo account's own key, in the account form: no key use is needed and nothing locks.
    const { demoKeySecret } = await import('@/lib/demo/fixtures');
    const key = { secret: demoKeySecret('demo', 'Website orders'), kind: 'DEFAULT' as const, used: true };
    const account = { username: 'demo', credential: 'demo' };
    const bareUrl = `${sandboxUrl}?action=token_list_ips&username=demo&password=demo&token=${key.secret}`;

    // 1. Overhead: interleaved, after a warm-up, so all see the same server state. The comparison is a bare
    // fetch; the client sends through node:http with keep-alive (http-transport.ts), so the same bare request on that
    // transport is measured too: the client's own cost, with the transport's gain taken out.
    const client = createSendsmsClient({ baseUrl: sandboxUrl, budget: UNLIMITED_BUDGET });
    const keepAlive = new http.Agent({ keepAlive: true });
    const bareHttp = () =>
      new Promise<string>((resolve, reject) => {
        http
          .get(bareUrl, { agent: keepAlive }, (response) => {
            const chunks: Buffer[] = [];
            response.on('data', (chunk: Buffer) => chunks.push(chunk));
            response.on('end', () => resolve(Buffer.concat(chunks).toString('utf8')));
            response.on('error', reject);
          })
          .on('error', reject);
      });
    const bare: number[] = [];
    const bareOnHttp: number[] = [];
    const viaClient: number[] = [];
    for (let index = 0; index < 200; index += 1) {
      await (await fetch(bareUrl)).text();
      await bareHttp();
      await client.call('token_list_ips', { account, key });
    }
    for (let index = 0; index < SEQUENTIAL_CALLS; index += 1) {
      let started = performance.now();
      JSON.parse(await (await fetch(bareUrl)).text());
      bare.push(performance.now() - started);
      started = performance.now();
      JSON.parse(await bareHttp());
      bareOnHttp.push(performance.now() - started);
      started = performance.now();
      await client.call('token_list_ips', { account, key });
      viaClient.push(performance.now() - started);
    }
    keepAlive.destroy();
    const overhead = (median(viaClient) / median(bare) - 1) * 100;
    const ownOverhead = (median(viaClient) / median(bareOnHttp) - 1) * 100;

    // 2. Coalescing, with the budget the dashboard really uses (Postgres).
    let upstreamCalls = 0;
    const prisma = createPrismaClient(database.url);
    const counted = createSendsmsClient({
      baseUrl: sandboxUrl,
      budget: createPostgresBudget(prisma),
      fetch: (input, init) => {
        upstreamCalls += 1;
        return fetch(input, init);
      },
    });
    const benchAccount = { username: 'demo', credential: 'demo' };
    await Promise.all(Array.from({ length: 100 }, () => counted.call('user_get_balance', { account: benchAccount })));
    await prisma.$disconnect();

    // 3. Throughput.
    const load = await autocannon({
      url: bareUrl,
      connections: LOAD_CONNECTIONS,
      duration: LOAD_SECONDS,
      pipelining: 1,
    });
    const non2xx = load.non2xx + load.errors + load.timeouts;

    process.stdout.write(
      [
        '',
        'sendSMS client and sandbox (token_list_ips on loopback)',
        `  1. client overhead at the median: ${overhead.toFixed(1)} % (client ${median(viaClient).toFixed(3)} ms vs bare fetch ${median(bare).toFixed(3)} ms, ${SEQUENTIAL_CALLS} calls each; target ≤ 10 %)`,
        `     over a bare node:http GET on the same keep-alive transport: ${ownOverhead.toFixed(1)} % (${median(bareOnHttp).toFixed(3)} ms): the client's own work`,
        `  2. 100 concurrent identical reads → ${upstreamCalls} upstream call(s) (target: exactly 1)`,
        `  3. sandbox throughput: ${Math.round(load.requests.average)} requests/s, p99 ${load.latency.p99} ms, p50 ${load.latency.p50} ms over ${LOAD_SECONDS} s with ${LOAD_CONNECTIONS} connections, ${non2xx} failed (target ≥ 1,000 requests/s, p99 ≤ 20 ms)`,
        '',
      ].join('\n'),
    );
  } finally {
    child.kill('SIGTERM');
    await new Promise((resolve) => child.once('exit', resolve));
    await database.stop();
  }
}

main().catch((error) => {
  log.error('the benchmark failed', error);
  process.exit(1);
});
