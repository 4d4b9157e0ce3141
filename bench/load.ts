/**
 * `npm run bench:load`: issue 10's "memory under load". A dashboard started as `npm start` starts it (fresh data
 * folder, free ports, demo data), 200 users added to the database, then:
 *   1. idle: the Next.js server's resident memory once every route has run once (one admin signed in and walked
 *      through them) and the process has settled;
 *   2. load: the 200 users sign in for real (CSRF token, then next-auth's credentials callback: an argon2id verify
 *      each), then for 60 s concurrent requests spread over their 200 sessions drive a mix of pages and API calls
 *      (keys pages and lists with varied searches and sorts, key detail pages, accounts, audit);
 *   3. after: the load stops, and the server sits idle for 60 s.
 * The RSS of the Next.js server process (the child of the start script) is sampled every second throughout. Prints
 * errors, p50 and p99 latency, idle / peak / after RSS, and the verdict: after − idle ≤ 100 MB.
 *
 *   npm run bench:load          (USERS, LOAD_SECONDS, AFTER_SECONDS, CONNECTIONS to shorten a trial run)
 *   HEAP_SNAPSHOTS=/tmp/snaps npm run bench:load   also writes a V8 heap snapshot of the server at idle and after
 *                                                  (they pause it and cost memory of their own: not for figures)
 */
import crypto from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import pg from 'pg';
import { EMBEDDED_DATABASE_NAME } from '@/lib/runtime/embedded-postgres';
import { hashPassword } from '@/lib/auth/password';
import { readOrCreateLocalSecret } from '@/lib/runtime/local-secrets';
import { freshEnvironment, median, startDashboard } from '@/bench/support/dashboard-process';

const USERS = Number(process.env.USERS ?? 200);
const LOAD_SECONDS = Number(process.env.LOAD_SECONDS ?? 60);
const AFTER_SECONDS = Number(process.env.AFTER_SECONDS ?? 60);
const CONNECTIONS = Number(process.env.CONNECTIONS ?? 50);
const IDLE_SETTLE_MS = 10_000;
const TARGET_MB = 100;
const HEAP_SNAPSHOTS = process.env.HEAP_SNAPSHOTS;
const PASSWORD = 'a-long-bench-password';
const SEARCHES = ['', '', '', 'web', 'shop', 'app', 'cloud', 'stag', 'orders', 'dispatch', 'courier', 'mobile'];
const SORTS = ['name', 'kind', 'created', 'lastUsed', 'useCount'];

interface Session {
  email: string;
  cookie: string;
  admin: boolean;
}

interface World {
  accounts: { id: string; keyIds: string[] }[];
}

async function main(): Promise<void> {
  if (HEAP_SNAPSHOTS) {
    fs.mkdirSync(HEAP_SNAPSHOTS, { recursive: true });
    // Inherited through the start script by the Next.js server, which writes a snapshot on SIGUSR2.
    process.env.NODE_OPTIONS =
      `${process.env.NODE_OPTIONS ?? ''} --heapsnapshot-signal=SIGUSR2 --diagnostic-dir=${HEAP_SNAPSHOTS}`.trim();
  }
  const env = await freshEnvironment();
  const dashboard = await startDashboard(env);
  let sampler: ReturnType<typeof rssSampler> | undefined;
  try {
    sampler = rssSampler(nextServerPid(dashboard.child.pid!));
    const databaseUrl = `postgresql://postgres:${encodeURIComponent(readOrCreateLocalSecret(env.DATA_DIR, 'postgres-password', 24))}@127.0.0.1:${env.EMBEDDED_POSTGRES_PORT}/${EMBEDDED_DATABASE_NAME}`;
    const world = await addUsers(databaseUrl);
    console.log(
      `dashboard up in ${dashboard.startMs} ms (Next.js server pid ${sampler.pid}); ${USERS} users added to ${world.accounts.length} demo accounts`,
    );

    // Idle: every route compiled and run once, by one signed-in admin, then left alone.
    const admin = await signIn(dashboard.baseUrl, 'admin@demo.local', 'demo');
    for (const request of requestsFor(world, { ...admin, admin: true }, true))
      await send(dashboard.baseUrl, request, admin.cookie);
    await sleep(IDLE_SETTLE_MS);
    const idle = median(await sampler.sampleFor(5_000));
    console.log(`idle: ${idle.toFixed(0)} MB RSS (${memoryBreakdown(sampler.pid)})`);
    await heapSnapshot(sampler.pid, 'idle');

    sampler.startPeak();
    const signInStarted = performance.now();
    const sessions = await Promise.all(
      Array.from({ length: USERS }, async (_, index) => ({
        ...(await signIn(dashboard.baseUrl, userEmail(index), PASSWORD)),
        admin: index % 4 === 0,
      })),
    );
    const signInMs = performance.now() - signInStarted;
    console.log(`${USERS} sign-ins in ${(signInMs / 1000).toFixed(1)} s; RSS now ${sampler.current().toFixed(0)} MB`);

    const load = await drive(dashboard.baseUrl, world, sessions);
    const peak = sampler.stopPeak();
    console.log(
      `load done: ${load.latencies.length} requests; RSS now ${sampler.current().toFixed(0)} MB, peak ${peak.toFixed(0)} MB; waiting ${AFTER_SECONDS} s`,
    );
    await sleep((AFTER_SECONDS - 5) * 1000);
    const after = median(await sampler.sampleFor(5_000));
    console.log(`after: ${after.toFixed(0)} MB RSS (${memoryBreakdown(sampler.pid)})`);
    await heapSnapshot(sampler.pid, 'after');

    const latencies = load.latencies.sort((a, b) => a - b);
    const growth = after - idle;
    console.log('');
    console.log(
      `bench:load (${USERS} signed-in users, ${LOAD_SECONDS} s at ${CONNECTIONS} concurrent requests, Next.js server RSS)`,
    );
    console.log(`  sign-ins:        ${USERS} in ${(signInMs / 1000).toFixed(1)} s`);
    console.log(`  requests:        ${latencies.length} (${Math.round(latencies.length / LOAD_SECONDS)}/s)`);
    console.log(`  errors:          ${load.errors}${load.firstError ? ` (first: ${load.firstError})` : ''}`);
    console.log(
      `  latency:         p50 ${percentile(latencies, 0.5).toFixed(0)} ms, p99 ${percentile(latencies, 0.99).toFixed(0)} ms`,
    );
    console.log(`  RSS idle:        ${idle.toFixed(0)} MB`);
    console.log(`  RSS peak:        ${peak.toFixed(0)} MB`);
    console.log(`  RSS ${AFTER_SECONDS} s after:  ${after.toFixed(0)} MB`);
    console.log(
      `  verdict:         after − idle = ${growth.toFixed(0)} MB: ${growth <= TARGET_MB ? 'PASS' : 'FAIL'} (target ≤ ${TARGET_MB} MB)`,
    );
  } finally {
    sampler?.stop();
    await dashboard.stop();
    env.remove();
  }
}

/** `next start` serves from the start script's child, which renames itself `next-server (v…)` once it listens. */
function nextServerPid(startPid: number): number {
  for (let attempt = 0; attempt < 50; attempt++) {
    const children = fs
      .readFileSync(`/proc/${startPid}/task/${startPid}/children`, 'utf8')
      .trim()
      .split(/\s+/)
      .filter(Boolean)
      .map(Number);
    for (const pid of children) {
      const commandLine = fs.readFileSync(`/proc/${pid}/cmdline`, 'utf8').split('\0');
      if (
        commandLine[0]!.startsWith('next-server') ||
        commandLine.some((part) => part.endsWith(path.join('next', 'dist', 'bin', 'next')))
      )
        return pid;
    }
  }
  throw new Error(`no Next.js child under the start script (pid ${startPid})`);
}

function rssMb(pid: number): number {
  const status = fs.readFileSync(`/proc/${pid}/status`, 'utf8');
  return Number(/^VmRSS:\s+(\d+) kB/m.exec(status)![1]) / 1024;
}

/** Where the resident memory is: anonymous (heaps: V8's and malloc's) or file-backed (code, mapped files). */
function memoryBreakdown(pid: number): string {
  const rollup = fs.readFileSync(`/proc/${pid}/smaps_rollup`, 'utf8');
  const field = (name: string) => Number(new RegExp(`^${name}:\\s+(\\d+) kB`, 'm').exec(rollup)?.[1] ?? 0) / 1024;
  return `anonymous ${field('Anonymous').toFixed(0)} MB, file-backed ${(field('Rss') - field('Anonymous')).toFixed(0)} MB`;
}

/** With HEAP_SNAPSHOTS set: SIGUSR2, then wait until the snapshot file stops growing. */
async function heapSnapshot(pid: number, label: string): Promise<void> {
  if (!HEAP_SNAPSHOTS) return;
  const before = new Set(fs.readdirSync(HEAP_SNAPSHOTS));
  process.kill(pid, 'SIGUSR2');
  for (let size = -1; ;) {
    await sleep(2_000);
    const file = fs.readdirSync(HEAP_SNAPSHOTS).find((name) => !before.has(name) && name.endsWith('.heapsnapshot'));
    if (!file) continue;
    const current = fs.statSync(path.join(HEAP_SNAPSHOTS, file)).size;
    if (current === size && current > 0) {
      const named = path.join(HEAP_SNAPSHOTS, `${label}.heapsnapshot`);
      fs.renameSync(path.join(HEAP_SNAPSHOTS, file), named);
      console.log(`heap snapshot (${label}): ${named}, ${(current / 1024 / 1024).toFixed(0)} MB`);
      return;
    }
    size = current;
  }
}

/** The server's RSS once a second; the highest value seen between startPeak and stopPeak. */
function rssSampler(pid: number) {
  let peak = 0;
  let tracking = false;
  let latest = rssMb(pid);
  const timer = setInterval(() => {
    latest = rssMb(pid);
    if (tracking) peak = Math.max(peak, latest);
  }, 1_000);
  return {
    pid,
    current: () => latest,
    startPeak: () => {
      tracking = true;
      peak = latest;
    },
    stopPeak: () => {
      tracking = false;
      return Math.max(peak, latest);
    },
    async sampleFor(ms: number): Promise<number[]> {
      const samples: number[] = [];
      for (let elapsed = 0; elapsed < ms; elapsed += 1_000) {
        samples.push(rssMb(pid));
        await sleep(1_000);
      }
      return samples;
    },
    stop: () => clearInterval(timer),
  };
}

function userEmail(index: number): string {
  return `load-${index}@bench.test`;
}

/** The users, straight into the database (one argon2 hash shared by all): creating them is not what is measured. */
async function addUsers(databaseUrl: string): Promise<World> {
  const client = new pg.Client({ connectionString: databaseUrl });
  await client.connect();
  try {
    const accounts = (await client.query<{ id: string }>(`SELECT "id" FROM "Account" ORDER BY "id"`)).rows;
    const passwordHash = await hashPassword(PASSWORD);
    for (let index = 0; index < USERS; index++) {
      const id = crypto.randomUUID();
      await client.query(
        `INSERT INTO "User" ("id", "email", "name", "passwordHash", "role", "updatedAt") VALUES ($1, $2, $3, $4, $5, now())`,
        [id, userEmail(index), `Load user ${index}`, passwordHash, index % 4 === 0 ? 'ADMIN' : 'LEAD'],
      );
      for (const account of accounts)
        await client.query(`INSERT INTO "Membership" ("userId", "accountId") VALUES ($1, $2)`, [id, account.id]);
    }
    const keys = (await client.query<{ id: string; accountId: string }>(`SELECT "id", "accountId" FROM "ApiKey"`)).rows;
    return {
      accounts: accounts.map((account) => ({
        id: account.id,
        keyIds: keys.filter((key) => key.accountId === account.id).map((key) => key.id),
      })),
    };
  } finally {
    await client.end();
  }
}

/** Through next-auth's own endpoints, as the sign-in page does: the CSRF cookie and token, then the credentials. */
async function signIn(baseUrl: string, email: string, password: string): Promise<{ email: string; cookie: string }> {
  const csrf = await fetch(`${baseUrl}/api/auth/csrf`);
  const { csrfToken } = (await csrf.json()) as { csrfToken: string };
  const jar = cookiesOf(csrf);
  const response = await fetch(`${baseUrl}/api/auth/callback/credentials`, {
    method: 'POST',
    headers: { 'content-type': 'application/x-www-form-urlencoded', cookie: jar },
    body: new URLSearchParams({ csrfToken, email, password, json: 'true', callbackUrl: '/' }),
    redirect: 'manual',
  });
  const session = cookiesOf(response)
    .split('; ')
    .filter((cookie) => cookie.startsWith('next-auth.session-token'))
    .join('; ');
  if (!session) throw new Error(`signing in as ${email} failed: HTTP ${response.status} ${await response.text()}`);
  return { email, cookie: session };
}

function cookiesOf(response: Response): string {
  return response.headers
    .getSetCookie()
    .map((cookie) => cookie.split(';')[0]!)
    .join('; ');
}

/** What a user does on the dashboard: mostly the keys list (pages and its API), now and then a key, the accounts, the audit log. */
function requestsFor(world: World, session: Session, everyOnce = false): string[] {
  const account = pick(world.accounts);
  const keyId = pick(account.keyIds);
  const list = `/api/accounts/${account.id}/keys?q=${pick(SEARCHES)}&sort=${pick(SORTS)}&dir=${pick(['asc', 'desc'])}&page=1&size=${pick([20, 50])}`;
  const mix = [
    `/accounts/${account.id}/api-keys`,
    list,
    list,
    list,
    `/accounts/${account.id}/api-keys/${keyId}`,
    `/api/accounts/${account.id}/keys/${keyId}`,
    '/api/accounts',
    '/accounts',
    ...(session.admin ? ['/api/audit', '/audit'] : []),
  ];
  return everyOnce ? mix : [pick(mix)];
}

async function send(baseUrl: string, request: string, cookie: string): Promise<void> {
  const response = await fetch(`${baseUrl}${request}`, { headers: { cookie }, redirect: 'manual' });
  await response.arrayBuffer();
  if (response.status !== 200) throw new Error(`${request} answered ${response.status}`);
}

async function drive(
  baseUrl: string,
  world: World,
  sessions: Session[],
): Promise<{ latencies: number[]; errors: number; firstError?: string }> {
  const latencies: number[] = [];
  let errors = 0;
  let firstError: string | undefined;
  const ends = performance.now() + LOAD_SECONDS * 1000;
  const worker = async (offset: number) => {
    for (let turn = offset; performance.now() < ends; turn += CONNECTIONS) {
      const session = sessions[turn % sessions.length]!;
      const request = requestsFor(world, session)[0]!;
      const started = performance.now();
      try {
        await send(baseUrl, request, session.cookie);
      } catch (error) {
        errors++;
        firstError ??= error instanceof Error ? error.message : String(error);
      }
      latencies.push(performance.now() - started);
    }
  };
  await Promise.all(Array.from({ length: CONNECTIONS }, (_, offset) => worker(offset)));
  return { latencies, errors, firstError };
}

function percentile(sorted: number[], fraction: number): number {
  return sorted[Math.min(sorted.length - 1, Math.floor(sorted.length * fraction))] ?? 0;
}

function pick<T>(values: readonly T[]): T {
  return values[Math.floor(Math.random() * values.length)]!;
}

function sleep(ms: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, ms));
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
