/**
 * `npm run bench:keys`: the three figures of issue 5, printed.
 *   1. The keys list endpoint (GET /api/accounts/:id/keys) of the production build, for an account with 10,000 keys:
 *      a page of 50 with a search and a sort, at 50 concurrent connections for 10 s (after 3 s of warm-up),
 *      with autocannon on loopback. Signed in with a session cookie minted for a team lead of the account, so every
 *      request goes through withPermission (JWT, user and membership from Postgres) like a real one. Then the same
 *      URL without a cookie, answered 401 before any query: the floor that Next.js itself sets on this machine.
 *   2. First-load JavaScript of the keys page: every script the served HTML loads, gzipped, summed (not the
 *      `nomodule` polyfills, which module-capable browsers never fetch).
 *   3. The budget: refreshing 200 keys' IP lists through the refresh service against the sandbox, every call's
 *      time recorded; the most calls in any window of the budget's length must stay ≤ 10. To stay bounded in
 *      time the clock is scaled 1:20 (10 calls per 3.05 s instead of per 61 s, in the dashboard's budget and the
 *      sandbox's limiter alike): the same sliding-window rule, twenty times faster.
 * Uses the production build, rebuilt first when the sources changed (as `npm start` does). Database: DATABASE_URL,
 * else an embedded PostgreSQL of its own under DATA_DIR/bench-keys on a free port.
 */
import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import crypto from 'node:crypto';
import path from 'node:path';
import zlib from 'node:zlib';
import autocannon from 'autocannon';
import { encode } from 'next-auth/jwt';
import pg from 'pg';
import { parseConfig } from '@/lib/config';
import { encryptSecret } from '@/lib/crypto';
import { createPrismaClient } from '@/lib/db/client';
import { applyMigrations } from '@/lib/db/migrate';
import type { PrismaClient } from '@/lib/generated/prisma/client';
import { refreshAccountKeys } from '@/lib/keys/refresh-service';
import { createLogger } from '@/lib/log';
import { isBuildCurrent, sourceFingerprint, stampBuild } from '@/lib/runtime/build-fingerprint';
import { startEmbeddedPostgres } from '@/lib/runtime/embedded-postgres';
import { freePort } from '@/lib/runtime/ports';
import { createPostgresBudget } from '@/lib/sendsms/budget-postgres';
import { createPostgresCapabilityStore } from '@/lib/sendsms/capabilities-postgres';
import { createSendsmsClient } from '@/lib/sendsms/client';
import { startSandbox } from '@/lib/sendsms/sandbox/server';

const root = path.resolve(__dirname, '..');
const KEY_COUNT = 10_000;
const BUDGET_KEYS = 200;
const LOAD_SECONDS = 10;
const CONNECTIONS = 50;
const TIME_SCALE = 20;
const credentialsKeyHex = crypto.randomBytes(32).toString('hex');
// Before anything reads the configuration (the modules above read it on first use, not as they load): the refresh
// service decrypts with it.
process.env.CREDENTIALS_ENCRYPTION_KEY = credentialsKeyHex;

async function main(): Promise<void> {
  const log = createLogger('bench-keys');

  const config = parseConfig({ ...process.env, CREDENTIALS_ENCRYPTION_KEY: credentialsKeyHex }, root);
  const database = config.databaseUrl
    ? { url: config.databaseUrl, stop: async () => undefined }
    : await startEmbeddedPostgres({
        dataDir: path.join(config.dataDir, 'bench-keys'),
        port: await freePort(),
        log,
        databaseName: 'sendsms_bench_keys',
      });
  let server: ChildProcess | undefined;
  try {
    await applyMigrations(database.url);
    const prisma = createPrismaClient(database.url);
    const { accountId, leadId } = await seedTenThousand(database.url);
    console.log(`seeded: ${KEY_COUNT.toLocaleString('en-US')} keys with their IPs on one account`);

    // The same rule as `npm start`: build when the sources changed since the last build.
    if (!isBuildCurrent(root)) {
      console.log('the production build is missing or older than the sources: building (a few minutes)…');
      const fingerprint = sourceFingerprint(root);
      const built = spawnSync(process.execPath, [require.resolve('next/dist/bin/next'), 'build'], {
        cwd: root,
        stdio: 'inherit',
        env: { ...process.env, NODE_ENV: 'production', NEXT_TELEMETRY_DISABLED: '1' },
      });
      if (built.status !== 0) throw new Error('next build failed');
      stampBuild(root, fingerprint);
    }
    const port = await freePort();
    const nextAuthSecret = crypto.randomBytes(32).toString('hex');
    server = spawn(
      process.execPath,
      [require.resolve('next/dist/bin/next'), 'start', '-p', String(port), '-H', '127.0.0.1'],
      {
        cwd: root,
        stdio: ['ignore', 'ignore', 'inherit'],
        env: {
          ...process.env,
          NODE_ENV: 'production',
          NEXT_TELEMETRY_DISABLED: '1',
          DATABASE_URL: database.url,
          NEXTAUTH_SECRET: nextAuthSecret,
          NEXTAUTH_URL: `http://127.0.0.1:${port}`,
          CREDENTIALS_ENCRYPTION_KEY: credentialsKeyHex,
          // Nothing listens there: the list never waits on sendSMS, and the seeded data is fresh.
          SENDSMS_API_URL: 'http://127.0.0.1:9/json',
          LOG_LEVEL: 'error',
        },
      },
    );
    const origin = `http://127.0.0.1:${port}`;
    await waitForServer(`${origin}/api/health`);
    const cookie = `next-auth.session-token=${await encode({ token: { sub: leadId, role: 'LEAD', sv: 0, sid: `bench-${Date.now()}` }, secret: nextAuthSecret })}`;

    // 1. The list endpoint.
    const url = `${origin}/api/accounts/${accountId}/keys?q=shop&sort=lastUsed&dir=desc&size=50&page=3`;
    const probe = await fetch(url, { headers: { cookie } });
    const probeBody = (await probe.json()) as { total?: number; rows?: unknown[]; message?: string };
    if (!probe.ok) throw new Error(`the list endpoint answered ${probe.status}: ${probeBody.message}`);
    console.log(
      `list probe: HTTP ${probe.status}, ${probeBody.rows?.length} rows of ${probeBody.total} matching "shop"`,
    );
    await autocannon({ url, headers: { cookie }, connections: CONNECTIONS, duration: 3 });
    const load = await autocannon({ url, headers: { cookie }, connections: CONNECTIONS, duration: LOAD_SECONDS });
    const failed = load.non2xx + load.errors + load.timeouts;
    // The floor under it: the same URL without a session, answered 401 by withPermission before any query. What
    // Next.js itself costs per request on this machine, which no work in the handler can go below.
    const floor = await autocannon({ url, connections: CONNECTIONS, duration: LOAD_SECONDS });

    // 2. First-load JavaScript of the keys page, as served.
    const html = await (await fetch(`${origin}/accounts/${accountId}/api-keys`, { headers: { cookie } })).text();
    // Every script the page loads; not the `nomodule` polyfills, which browsers with ES modules (all the dashboard
    // supports) neither download nor run, as Next.js's own "First Load JS" leaves them out.
    const tags = [...html.matchAll(/<script\b[^>]*\bsrc="([^"]+\.js[^"]*)"[^>]*>/gi)];
    const noModule = tags.filter((tag) => /\bnomodule\b/i.test(tag[0]));
    const scripts = [...new Set(tags.filter((tag) => !noModule.includes(tag)).map((tag) => tag[1]!))];
    const sizes: { script: string; gzipped: number }[] = [];
    for (const script of scripts) {
      const body = Buffer.from(await (await fetch(new URL(script, origin))).arrayBuffer());
      sizes.push({ script, gzipped: zlib.gzipSync(body).length });
    }
    const gzipped = sizes.reduce((sum, size) => sum + size.gzipped, 0);
    // The largest scripts, to say where the weight is when the figure moves.
    const largest = sizes.toSorted((a, b) => b.gzipped - a.gzipped).slice(0, 5);

    server.kill('SIGTERM');
    server = undefined;

    // 3. The budget over 200 keys' IP lists.
    const budget = await measureBudget(prisma, database.url);
    await prisma.$disconnect();

    console.log('');
    console.log('bench:keys');
    console.log(
      `  1. list endpoint, ${KEY_COUNT.toLocaleString('en-US')} keys, page of 50, search "shop" + sort by last used: p50 ${load.latency.p50} ms, p99 ${load.latency.p99} ms, ` +
        `${Math.round(load.requests.average)} requests/s at ${CONNECTIONS} connections over ${LOAD_SECONDS} s, ${failed} failed (target p50 ≤ 20 ms, p99 ≤ 80 ms)`,
    );
    console.log(
      `     floor: the same URL without a session (401 before any query): p50 ${floor.latency.p50} ms, p99 ${floor.latency.p99} ms, ${Math.round(floor.requests.average)} requests/s ` +
        `(${floor.non2xx} answered 401 of ${floor.requests.total})`,
    );
    console.log(
      `  2. first-load JavaScript of /accounts/[accountId]/api-keys: ${(gzipped / 1024).toFixed(1)} KB gzipped in ${scripts.length} scripts ` +
        `(${noModule.length} nomodule polyfill script${noModule.length === 1 ? '' : 's'} not counted) (target ≤ 200 KB)`,
    );
    console.log(
      `     largest: ${largest.map((size) => `${path.basename(size.script.split('?')[0]!)} ${(size.gzipped / 1024).toFixed(1)} KB`).join(', ')}`,
    );
    console.log(
      `  3. refreshing ${BUDGET_KEYS} keys' IP lists: ${budget.calls} budgeted calls in ${budget.rounds} refreshes, at most ${budget.maxInWindow} in any budget window ` +
        `(time scaled 1:${TIME_SCALE}; ${budget.refused} refused by the sandbox; ${budget.realMinutes.toFixed(1)} minutes at real scale) (target ≤ 10)`,
    );
  } finally {
    server?.kill('SIGTERM');
    await database.stop();
  }
}

async function waitForServer(url: string): Promise<void> {
  const deadline = Date.now() + 60_000;
  while (Date.now() < deadline) {
    if (
      await fetch(url).then(
        (response) => response.status < 500,
        () => false,
      )
    )
      return;
    await new Promise((resolve) => setTimeout(resolve, 250));
  }
  throw new Error(`the dashboard did not answer at ${url} within 60 s`);
}

/** 10,000 keys on one account in one statement each, a lead who is a member, and fresh fetch times (no refresh starts). */
async function seedTenThousand(databaseUrl: string): Promise<{ accountId: string; leadId: string }> {
  const client = new pg.Client({ connectionString: databaseUrl });
  await client.connect();
  try {
    await client.query(`DELETE FROM "Account" WHERE "username" = 'bench-keys'`);
    await client.query(`DELETE FROM "User" WHERE "email" = 'bench-lead@bench.local'`);
    const accountId = 'bench-keys-account';
    const leadId = 'bench-keys-lead';
    await client.query(
      `INSERT INTO "Account" ("id", "label", "username", "credentialCiphertext", "credentialKind", "apiBaseUrl", "updatedAt")
       VALUES ($1, 'Bench', 'bench-keys', 'v1.unused', 'PASSWORD', 'http://127.0.0.1:9/json', now())`,
      [accountId],
    );
    await client.query(
      `INSERT INTO "User" ("id", "email", "name", "role", "updatedAt") VALUES ($1, 'bench-lead@bench.local', 'Bench lead', 'LEAD', now())`,
      [leadId],
    );
    await client.query(`INSERT INTO "Membership" ("userId", "accountId") VALUES ($1, $2)`, [leadId, accountId]);
    await client.query(
      `INSERT INTO "ApiKey" ("id", "accountId", "name", "kind", "usageLabel", "fragment", "secretFingerprint", "origin", "createdAt", "lastUsedAt", "useCount",
                             "usageFetchedAt", "ipsFetchedAt", "lockedAt", "refusedCount")
       SELECT 'bench-key-' || i, $1,
              'key-' || i || ' ' || (ARRAY['shop', 'erp', 'crm', 'app', 'smpp'])[1 + i % 5],
              (CASE WHEN i % 3 = 0 THEN 'CLOUD' ELSE 'DEFAULT' END)::"KeyKind",
              (CASE WHEN i % 3 = 0 THEN 'CLOUD' ELSE 'DEFAULT' END)::"KeyUsageLabel",
              '…' || lpad(to_hex(i), 4, '0'), md5('bench' || i), 'GENERATED',
              now() - i * interval '1 hour',
              CASE WHEN i % 7 = 0 THEN NULL ELSE now() - (i % 1000) * interval '1 minute' END,
              CASE WHEN i % 7 = 0 THEN 0 ELSE i * 3 END,
              now(), now(),
              CASE WHEN i % 3 <> 0 AND i % 7 <> 0 THEN now() - i * interval '1 hour' + interval '1 day' END,
              CASE WHEN i % 97 = 0 THEN 2 ELSE 0 END
         FROM generate_series(1, ${KEY_COUNT}) AS i`,
      [accountId],
    );
    await client.query(
      `INSERT INTO "KeyIp" ("id", "keyId", "address", "reason")
       SELECT 'bench-ip-' || i, 'bench-key-' || i, '10.' || (i / 65536) || '.' || ((i / 256) % 256) || '.' || (i % 256),
              (CASE WHEN i % 3 = 0 THEN 'FIRST_SEEN' ELSE 'FIRST_USE' END)::"KeyIpReason"
         FROM generate_series(1, ${KEY_COUNT}) AS i WHERE i % 7 <> 0`,
    );
    await client.query('ANALYZE "ApiKey"; ANALYZE "KeyIp"');
    return { accountId, leadId };
  } finally {
    await client.end();
  }
}

/** Refreshes until all 200 keys' IP lists were fetched, recording when each budgeted call left. */
async function measureBudget(prisma: PrismaClient, databaseUrl: string) {
  const limits = { limit: 10, windowMs: Math.round(61_000 / TIME_SCALE) };
  const sandbox = await startSandbox({
    databaseUrl,
    port: 0,
    log: createLogger('bench-sandbox', () => undefined),
    schema: 'sandbox_bench_keys',
    seed: false,
    budget: limits,
  });
  try {
    const username = `bench-budget-${crypto.randomBytes(4).toString('hex')}`;
    const keys = Array.from({ length: BUDGET_KEYS }, (_, index) => ({
      name: `Key ${index}`,
      kind: 'default' as const,
      ips: [`10.9.${index >> 8}.${index & 255}`],
    }));
    await sandbox.control.createAccount({ username, password: 'bench-pass', keys });
    const account = await prisma.account.create({
      data: {
        label: 'Budget bench',
        username,
        credentialCiphertext: encryptSecret('bench-pass', Buffer.from(credentialsKeyHex, 'hex')),
        credentialKind: 'PASSWORD',
        apiBaseUrl: sandbox.url,
      },
    });
    const calls: number[] = [];
    let refused = 0;
    const client = createSendsmsClient({
      baseUrl: sandbox.url,
      budget: createPostgresBudget(prisma, limits),
      capabilities: createPostgresCapabilityStore(prisma),
      retry: { attempts: 1 },
      fetch: async (input, init) => {
        calls.push(performance.now());
        const response = await fetch(input, init);
        const text = await response.text();
        if (text.includes('"status":-4096')) refused += 1;
        return new Response(text, { status: response.status, headers: response.headers });
      },
    });
    const deps = {
      prisma,
      clientFor: () => client,
      credentialsKey: Buffer.from(credentialsKeyHex, 'hex'),
      now: () => new Date(),
    };
    const lead = {
      id: 'bench',
      email: 'bench@bench.local',
      name: 'Bench',
      role: 'ADMIN' as const,
      accountIds: [account.id],
    };
    const started = performance.now();
    let rounds = 0;
    // The first refresh lists the keys (token_list) and registers them; later ones fetch the IP lists as the budget allows.
    for (;;) {
      rounds += 1;
      await refreshAccountKeys(deps, lead, account.id, { trigger: 'background' });
      const pending = await prisma.apiKey.count({ where: { accountId: account.id, ipsFetchedAt: null } });
      if (pending === 0 || rounds > 200) break;
      await new Promise((resolve) => setTimeout(resolve, 250));
    }
    const elapsed = performance.now() - started;
    let maxInWindow = 0;
    for (let start = 0; start < calls.length; start += 1) {
      let end = start;
      while (end < calls.length && calls[end]! - calls[start]! < limits.windowMs) end += 1;
      maxInWindow = Math.max(maxInWindow, end - start);
    }
    return { calls: calls.length, rounds, maxInWindow, refused, realMinutes: (elapsed * TIME_SCALE) / 60_000 };
  } finally {
    await sandbox.stop();
  }
}

main().then(
  () => process.exit(0),
  (error: unknown) => {
    console.error(error);
    process.exit(1);
  },
);
