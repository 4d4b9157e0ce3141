/**
 * `npm run bench:usage`: the figures of issue 12 (usage over time, exports, the collection), printed with the floor
 * each is measured against in the same run.
 *   1. The usage view's data (GET /api/usage) for a team lead reading 5 accounts of 100 keys, each key with 90 days
 *      of UsageDay, 7 days of UsageHour and 7 days of hourly snapshots (seeded with Prisma's createMany): ?range=90d,
 *      ?range=7d and ?keys=idle-30, one connection, requests one after another, signed in with a session cookie
 *      minted as bench:keys mints it. Floor: GET /api/health, the same way, in the same run.
 *   2. The CSV exports of an account of 10,000 keys (GET /api/accounts/:id/keys/export and GET /api/usage/export
 *      ?accountId=…&range=90d), downloaded whole; the Next.js server's RSS read from /proc/<pid>/status every 20 ms
 *      meanwhile (baseline just before, peak during). Floors: /api/health, and the same rows read straight from
 *      Postgres by this process.
 *   3. The collection: two collector processes (bench/support/usage-collector.ts: lib/collection's startCollector,
 *      on a clock scaled 1:TIME_SCALE as bench:keys scales the budget) collect a new account of 200 keys from the
 *      sandbox, whose every call goes through a logging proxy here; the time until every key's IP list was fetched,
 *      against the floor the background share allows (200 calls at 7 a minute), and the 60-s windows in which the
 *      account's calls passed SENDSMS_BUDGET_PER_MINUTE (counted from the proxy's log).
 *   4. Freshness: uses of an account's keys, made straight at the sandbox at random moments, until the keys list
 *      endpoint, asked every POLL_INTERVAL_MS (scaled) as the page does, shows the new use count.
 * The clock runs TIME_SCALE times faster (default 10) in the collectors and the sandbox's limiter; times of 3 and 4
 * are printed at real scale (measured × TIME_SCALE). Uses the production build, rebuilt first when the sources
 * changed (as `npm start` does), started as `npm start` starts it (its malloc and V8 settings) but with the
 * collection off (the bench's collectors do it). Database: a fresh `bench_usage` on the server DATABASE_URL names,
 * else on an embedded PostgreSQL under DATA_DIR/bench-usage; dropped and made again at each run.
 *
 *   npm run bench:usage        (TIME_SCALE=20 for a shorter run; the job queue's fixed delays then weigh more)
 */
import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import crypto from 'node:crypto';
import fs from 'node:fs';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import path from 'node:path';
import readline from 'node:readline';
import { encode } from 'next-auth/jwt';
import pg from 'pg';
import { POLL_INTERVAL_MS } from '@/components/keys/poll-interval';
import { BACKGROUND_BUDGET_SHARE, parseConfig, SENDSMS_BUDGET } from '@/lib/config';
import { encryptSecret, fingerprintSecret } from '@/lib/crypto';
import { createPrismaClient } from '@/lib/db/client';
import { applyMigrations } from '@/lib/db/migrate';
import type { PrismaClient } from '@/lib/generated/prisma/client';
import { USAGE_CADENCE_MS } from '@/lib/keys/collection-state';
import { dayStart, hourStart } from '@/lib/keys/usage-tally';
import { createLogger } from '@/lib/log';
import { isBuildCurrent, sourceFingerprint, stampBuild } from '@/lib/runtime/build-fingerprint';
import { freePort } from '@/lib/runtime/ports';
import { startSandbox, type RunningSandbox } from '@/lib/sendsms/sandbox/server';
import { median, percentile, ROOT as root } from '@/bench/support/dashboard-process';
import { freshDatabase } from '@/bench/support/fresh-database';

const TIME_SCALE = Number(process.env.TIME_SCALE ?? 10);
const USAGE_ACCOUNTS = 5;
const KEYS_PER_USAGE_ACCOUNT = 100;
const USAGE_DAYS = 90;
const USAGE_HOURS = 7 * 24;
const REQUESTS = Number(process.env.REQUESTS ?? 300);
const EXPORT_KEYS = 10_000;
const EXPORT_RUNS = 5;
const RSS_SAMPLE_MS = 20;
const COLLECT_KEYS = 200;
const COLLECTORS = 2;
const FRESH_KEYS = 15;
/** The uses are spread over this many usage cadences. */
const FRESH_SPREAD_CADENCES = 3;
const DAY = 86_400_000;
const HOUR = 3_600_000;
const BUDGET_LIMIT = SENDSMS_BUDGET.limit;
const BACKGROUND_CALLS = Math.floor(BUDGET_LIMIT * BACKGROUND_BUDGET_SHARE);
/** The window the bench counts the account's calls in: a minute, scaled. */
const MINUTE_SCALED = 60_000 / TIME_SCALE;
/** bench:keys's figure for the same 200 IP lists refreshed by page views (issue 12's brief), at real scale. */
const BENCH_KEYS_PAGE_VIEW_MINUTES = 29.8;
/** How scripts/start.ts runs the Next.js server (its malloc settings and V8 flag): the RSS is measured under them. */
const SERVER_MALLOC_ENVIRONMENT = { MALLOC_MMAP_THRESHOLD_: '131072', MALLOC_ARENA_MAX: '2' };
const SERVER_NODE_FLAGS = ['--heap-growing-percent=20'];

const credentialsKeyHex = crypto.randomBytes(32).toString('hex');
const credentialsKey = Buffer.from(credentialsKeyHex, 'hex');
// Before anything reads the configuration (the modules above read it on first use, not as they load).
process.env.CREDENTIALS_ENCRYPTION_KEY = credentialsKeyHex;

const quiet = createLogger('bench-usage', () => undefined);

interface ProxiedCall {
  at: number;
  username: string;
  action: string;
  /** The key a key-form call names (token), else null. */
  key: string | null;
  status: number | null;
  collector: string | null;
}

async function main(): Promise<void> {
  const log = createLogger('bench-usage');
  const config = parseConfig({ ...process.env, CREDENTIALS_ENCRYPTION_KEY: credentialsKeyHex }, root);
  const database = await freshDatabase('bench_usage', config.databaseUrl, config.dataDir, log);
  const stops: Array<() => Promise<unknown> | void> = [database.stop];
  const stopAll = async () => {
    for (const stop of stops.reverse()) await Promise.resolve(stop()).catch(() => undefined);
  };
  try {
    await applyMigrations(database.url);
    const prisma = createPrismaClient(database.url);
    stops.push(() => prisma.$disconnect());

    const started = performance.now();
    const usage = await seedUsage(prisma);
    const exported = await seedExport(prisma);
    console.log(
      `seeded in ${((performance.now() - started) / 1000).toFixed(1)} s: ${usage.keys} keys on ${USAGE_ACCOUNTS} accounts with ${usage.days.toLocaleString('en-US')} UsageDay, ` +
        `${usage.hours.toLocaleString('en-US')} UsageHour and ${usage.snapshots.toLocaleString('en-US')} UsageSnapshot rows; ` +
        `${EXPORT_KEYS.toLocaleString('en-US')} keys on one account with ${exported.days.toLocaleString('en-US')} UsageDay rows`,
    );

    // The sendSMS stand-in, on the scaled clock, behind a proxy that writes down every call.
    const sandbox = await startSandbox({
      databaseUrl: database.url,
      port: 0,
      log: quiet,
      schema: 'sandbox_bench_usage',
      seed: false,
      budget: { limit: BUDGET_LIMIT, windowMs: Math.round(SENDSMS_BUDGET.windowMs / TIME_SCALE) },
    });
    stops.push(() => sandbox.stop());
    const proxy = await startLoggingProxy(new URL(sandbox.url));
    stops.push(() => proxy.stop());

    buildIfNeeded();
    const nextAuthSecret = crypto.randomBytes(32).toString('hex');
    const server = await startServer(database.url, nextAuthSecret, sandbox.url);
    stops.push(() => server.stop());
    console.log(`Next.js server up (pid ${server.pid}), RSS ${rssMb(server.pid).toFixed(0)} MB`);
    const cookieOf = async (userId: string) =>
      `next-auth.session-token=${await encode({ token: { sub: userId, role: 'LEAD', sv: 0, sid: `bench-${userId}-${Date.now()}` }, secret: nextAuthSecret })}`;
    const usageCookie = await cookieOf(usage.leadId);
    const exportCookie = await cookieOf(exported.leadId);

    // 1. The usage view's data.
    const views = ['?range=90d', '?range=7d', '?keys=idle-30'];
    for (const view of views) {
      const probe = await fetch(`${server.origin}/api/usage${view}`, { headers: { cookie: usageCookie } });
      const body = (await probe.json()) as {
        message?: string;
        keys?: { total: number; rows: unknown[] };
        series?: { points: unknown[]; total: number };
        accounts?: unknown[];
      };
      if (!probe.ok) throw new Error(`/api/usage${view} answered ${probe.status}: ${body.message}`);
      console.log(
        `probe /api/usage${view}: ${body.accounts?.length} accounts, ${body.keys?.rows.length} of ${body.keys?.total} keys, ` +
          `${body.series?.points.length} periods, ${body.series?.total.toLocaleString('en-US')} uses`,
      );
    }
    // Warm-up, then the floor and each view in turns, so that noise on the shared machine falls on all of them.
    for (let turn = 0; turn < 30; turn++) {
      await timeGet(`${server.origin}/api/health`);
      for (const view of views) await timeGet(`${server.origin}/api/usage${view}`, usageCookie);
    }
    const health: number[] = [];
    const byView = new Map<string, number[]>(views.map((view) => [view, []]));
    for (let turn = 0; turn < REQUESTS; turn++) {
      health.push(await timeGet(`${server.origin}/api/health`));
      for (const view of views) byView.get(view)!.push(await timeGet(`${server.origin}/api/usage${view}`, usageCookie));
    }

    // 2. The exports of 10,000 keys.
    const exports = [
      {
        name: `keys export (/api/accounts/:id/keys/export)`,
        url: `${server.origin}/api/accounts/${exported.accountId}/keys/export`,
      },
      {
        name: `usage export (/api/usage/export?accountId=…&range=90d)`,
        url: `${server.origin}/api/usage/export?accountId=${exported.accountId}&range=90d`,
      },
    ];
    const exportResults = [];
    for (const { name, url } of exports) {
      const warm = await download(url, exportCookie, server.pid);
      const runs = [];
      for (let run = 0; run < EXPORT_RUNS; run++) {
        await sleep(1_000);
        runs.push(await download(url, exportCookie, server.pid));
      }
      exportResults.push({ name, warm, runs });
    }
    const exportHealth: number[] = [];
    for (let turn = 0; turn < 50; turn++) exportHealth.push(await timeGet(`${server.origin}/api/health`));
    const straightRead = await readExportRowsStraight(database.url, exported.accountId);

    // 3. The collection of 200 keys by two collector processes.
    const clockEpoch = Date.now();
    const collectors: ChildProcess[] = [];
    for (let index = 1; index <= COLLECTORS; index++) {
      const child = await startCollectorProcess(database.url, index, clockEpoch);
      collectors.push(child);
      stops.push(() => stopChild(child));
    }
    const collection = await measureCollection(prisma, sandbox, proxy);
    // Its IP lists come due again 10 minutes (scaled) later: parked, so that 4 measures one account's pipeline alone.
    await parkCollection(prisma, collection.accountId);

    // 4. Freshness.
    const freshness = await measureFreshness(prisma, sandbox, proxy, server.origin, usage.leadId, usageCookie);

    // The figures.
    const ms = (value: number) => `${value.toFixed(1)} ms`;
    const ratio = (value: number, floor: number) => `${(value / floor).toFixed(2)}×`;
    const healthP50 = percentile(health, 0.5);
    const healthP99 = percentile(health, 0.99);
    console.log('');
    console.log(`bench:usage (time scaled 1:${TIME_SCALE} in 3 and 4; their times printed at real scale)`);
    console.log(
      `  1. usage view data, ${usage.keys} keys on ${USAGE_ACCOUNTS} accounts, 90 days each, one connection, ${REQUESTS} sequential requests per URL (target p50 ≤ 50 ms, p99 ≤ 150 ms):`,
    );
    console.log(`     floor GET /api/health:         p50 ${ms(healthP50)}, p99 ${ms(healthP99)}`);
    for (const view of views) {
      const times = byView.get(view)!;
      const p50 = percentile(times, 0.5);
      const p99 = percentile(times, 0.99);
      console.log(
        `     GET /api/usage${view.padEnd(14)} p50 ${ms(p50)} (${ratio(p50, healthP50)} the floor), p99 ${ms(p99)} (${ratio(p99, healthP99)})` +
          `  ${p50 <= 50 && p99 <= 150 ? 'PASS' : 'FAIL'}`,
      );
    }
    const exportFloor = percentile(exportHealth, 0.5);
    console.log(
      `  2. CSV of ${EXPORT_KEYS.toLocaleString('en-US')} keys, streamed, median of ${EXPORT_RUNS} downloads after one warm-up; Next.js server RSS sampled every ${RSS_SAMPLE_MS} ms (target ≤ 2 s, growth ≤ 50 MB):`,
    );
    console.log(
      `     floors: GET /api/health p50 ${ms(exportFloor)}; the same 10,000 keys read straight from Postgres by the bench: ${ms(straightRead.keysMs)} (with their IPs), ${ms(straightRead.usageMs)} (with uses over 90 days)`,
    );
    for (const { name, warm, runs } of exportResults) {
      const time = median(runs.map((run) => run.ms));
      const growth = runs.map((run) => run.peakMb - run.baselineMb);
      const worst = runs.reduce((a, b) => (b.peakMb - b.baselineMb > a.peakMb - a.baselineMb ? b : a));
      console.log(
        `     ${name}: ${runs[0]!.rows.toLocaleString('en-US')} rows, ${(runs[0]!.bytes / 1024 / 1024).toFixed(2)} MB, ${ms(time)} (${ratio(time, exportFloor)} the health floor; first byte ${ms(median(runs.map((run) => run.firstByteMs)))}); ` +
          `RSS baseline ${median(runs.map((run) => run.baselineMb)).toFixed(1)} MB, peak ${median(runs.map((run) => run.peakMb)).toFixed(1)} MB, growth ${median(growth).toFixed(1)} MB ` +
          `(worst run: ${worst.baselineMb.toFixed(1)} → ${worst.peakMb.toFixed(1)} MB, +${(worst.peakMb - worst.baselineMb).toFixed(1)}; warm-up download: ${ms(warm.ms)}, +${(warm.peakMb - warm.baselineMb).toFixed(1)} MB)` +
          `  ${time <= 2_000 && Math.max(...growth) <= 50 ? 'PASS' : 'FAIL'}`,
      );
    }
    const floorMinutes = (COLLECT_KEYS / BACKGROUND_CALLS) * 1; // minutes at real scale
    const tookMinutes = (collection.firstToLastMs * TIME_SCALE) / 60_000;
    console.log(
      `  3. collection of a new account's ${COLLECT_KEYS} keys by ${COLLECTORS} collector processes (background share ${BACKGROUND_CALLS} of ${BUDGET_LIMIT} calls a minute; target ≤ 1.2× the floor, 0 windows over ${BUDGET_LIMIT}):`,
    );
    console.log(
      `     every IP list fetched ${tookMinutes.toFixed(1)} min after the first call (${((collection.createdToLastMs * TIME_SCALE) / 60_000).toFixed(1)} min after the account was added); ` +
        `floor ${COLLECT_KEYS} calls at ${BACKGROUND_CALLS} a minute = ${floorMinutes.toFixed(1)} min; ratio ${(tookMinutes / floorMinutes).toFixed(2)}×` +
        `  ${tookMinutes / floorMinutes <= 1.2 ? 'PASS' : 'FAIL'}`,
    );
    console.log(
      `     calls: ${collection.calls} (${collection.byAction}), by collector ${collection.byCollector}, ${collection.refused} refused by the sandbox (-4096); ` +
        `most in any 60-s window ${collection.maxInMinute} (in any 61-s budget window ${collection.maxInBudgetWindow}); windows over ${BUDGET_LIMIT}: ${collection.windowsOver}  ${collection.windowsOver === 0 ? 'PASS' : 'FAIL'}`,
    );
    const boundMinutes = (collection.budgetBoundMs * TIME_SCALE) / 60_000;
    const overheadSeconds = (collection.firstToLastMs - collection.budgetBoundMs) / 1000;
    // Upper bound at real scale: the same real-time delays, the polling part four times longer (the server polls every 2 s).
    const projectedMinutes = boundMinutes + (overheadSeconds * 4) / 60;
    console.log(
      `     of which the budget itself, for these ${collection.calls} calls: ${boundMinutes.toFixed(1)} min (${(boundMinutes / floorMinutes).toFixed(2)}× the floor); ` +
        `the rest, ${overheadSeconds.toFixed(1)} s of real time over about ${collection.jobs} jobs (whole-second startAfter, 0.5-s polling, the refreshes' work), is not shrunk by the scaled clock: ` +
        `at real scale it would add at most ~${((overheadSeconds * 4) / 60).toFixed(1)} min, ≈ ${projectedMinutes.toFixed(1)} min (${(projectedMinutes / floorMinutes).toFixed(2)}×)`,
    );
    console.log(
      `     compare: bench:keys, the same ${COLLECT_KEYS} IP lists refreshed as page views asked: ${BENCH_KEYS_PAGE_VIEW_MINUTES} min at real scale (${(BENCH_KEYS_PAGE_VIEW_MINUTES / floorMinutes).toFixed(2)}× this floor)`,
    );
    const cadencePoll = (USAGE_CADENCE_MS + POLL_INTERVAL_MS) / 1000;
    const fresh = freshness.delaysMs.map((delay) => (delay * TIME_SCALE) / 1000);
    console.log(
      `  4. freshness, a use at the sandbox until the keys list shows its count, ${freshness.delaysMs.length} trials at random moments (target median ≤ one usage cadence + one poll = ${cadencePoll} s):`,
    );
    console.log(
      `     median ${median(fresh).toFixed(0)} s (min ${Math.min(...fresh).toFixed(0)} s, max ${Math.max(...fresh).toFixed(0)} s), ${(median(fresh) / cadencePoll).toFixed(2)}× the target; ${freshness.timedOut} trials not seen` +
        `  ${freshness.timedOut === 0 && median(fresh) <= cadencePoll ? 'PASS' : 'FAIL'}`,
    );
    const real = (values: number[]) => median(values.map((value) => (value * TIME_SCALE) / 1000)).toFixed(0);
    console.log(
      `     of which until the next token_list after the use: median ${real(freshness.untilCollectedMs)} s; from it until a poll showed the count: median ${real(freshness.collectedToShownMs)} s; ` +
        `token_list every ${real(freshness.listingGapsMs)} s (median; max ${((Math.max(...freshness.listingGapsMs) * TIME_SCALE) / 1000).toFixed(0)} s) for a cadence of ${USAGE_CADENCE_MS / 1000} s; ` +
        `${freshness.refusals} uses refused by the sandbox's limit and made again`,
    );
  } finally {
    await stopAll();
  }
}

function buildIfNeeded(): void {
  if (isBuildCurrent(root)) return;
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

/** `next start` as scripts/start.ts runs it, on a free port, the collection off. */
async function startServer(databaseUrl: string, nextAuthSecret: string, sandboxUrl: string) {
  const port = await freePort();
  const child = spawn(
    process.execPath,
    [...SERVER_NODE_FLAGS, require.resolve('next/dist/bin/next'), 'start', '-p', String(port), '-H', '127.0.0.1'],
    {
      cwd: root,
      stdio: ['ignore', 'ignore', 'inherit'],
      env: {
        ...process.env,
        ...SERVER_MALLOC_ENVIRONMENT,
        NODE_OPTIONS: `--require ${JSON.stringify(path.join(root, 'scripts', 'socket-peer.cjs'))}`,
        NODE_ENV: 'production',
        NEXT_TELEMETRY_DISABLED: '1',
        DATABASE_URL: databaseUrl,
        NEXTAUTH_SECRET: nextAuthSecret,
        NEXTAUTH_URL: `http://127.0.0.1:${port}`,
        CREDENTIALS_ENCRYPTION_KEY: credentialsKeyHex,
        SENDSMS_API_URL: sandboxUrl,
        USAGE_COLLECTION: 'off',
        LOG_LEVEL: 'error',
      },
    },
  );
  const origin = `http://127.0.0.1:${port}`;
  const deadline = Date.now() + 90_000;
  for (;;) {
    if (child.exitCode !== null) throw new Error(`next start exited with ${child.exitCode}`);
    const up = await fetch(`${origin}/api/health`).then(
      (response) => response.status === 200,
      () => false,
    );
    if (up) break;
    if (Date.now() > deadline) throw new Error(`the dashboard did not answer at ${origin} within 90 s`);
    await sleep(250);
  }
  return { origin, pid: serverPid(child.pid!), stop: () => stopChild(child) };
}

/** `next start` serves from its own process, or from a child named next-server: the one whose memory counts. */
function serverPid(pid: number): number {
  try {
    const children = fs.readFileSync(`/proc/${pid}/task/${pid}/children`, 'utf8').trim().split(/\s+/).filter(Boolean);
    for (const child of children) {
      if (fs.readFileSync(`/proc/${child}/cmdline`, 'utf8').startsWith('next-server')) return Number(child);
    }
  } catch {
    // no children file: the process itself
  }
  return pid;
}

function stopChild(child: ChildProcess): Promise<void> {
  return new Promise((resolve) => {
    if (child.exitCode !== null || child.signalCode !== null) return resolve();
    const forced = setTimeout(() => child.kill('SIGKILL'), 15_000);
    child.once('exit', () => {
      clearTimeout(forced);
      resolve();
    });
    child.kill('SIGTERM');
  });
}

function rssMb(pid: number): number {
  const status = fs.readFileSync(`/proc/${pid}/status`, 'utf8');
  return Number(/^VmRSS:\s+(\d+) kB/m.exec(status)![1]) / 1024;
}

/** A lead member of 5 accounts of 100 keys, each key with 90 days of uses, 7 days of hours and hourly snapshots. */
async function seedUsage(prisma: PrismaClient) {
  const now = new Date();
  const today = dayStart(now).getTime();
  const thisHour = hourStart(now).getTime();
  const lead = await prisma.user.create({
    data: { email: 'usage-lead@bench.local', name: 'Usage lead', role: 'LEAD' },
  });
  const keys: Array<{ id: string; accountId: string; idleDays: number; perDay: number }> = [];
  for (let a = 0; a < USAGE_ACCOUNTS; a++) {
    const account = await prisma.account.create({
      data: {
        label: `Usage ${a + 1}`,
        username: `bench-usage-${a + 1}`,
        credentialCiphertext: 'v1.unused',
        credentialKind: 'PASSWORD',
        apiBaseUrl: 'http://127.0.0.1:9/json',
        // Never collected: nothing answers there, and the bench's collectors would only back off on it.
        collection: { create: { nextRunAt: new Date('2100-01-01T00:00:00Z') } },
        memberships: { create: { userId: lead.id } },
      },
    });
    const rows = Array.from({ length: KEYS_PER_USAGE_ACCOUNT }, (_, k) => {
      const i = a * KEYS_PER_USAGE_ACCOUNT + k;
      // One key in five has been idle 31 to 80 days; the others were used within the last hours.
      const idleDays = i % 5 === 0 ? 31 + (i % 50) : 0;
      const perDay = 5 + (i % 40) * 7;
      keys.push({ id: `usage-key-${i}`, accountId: account.id, idleDays, perDay });
      return {
        id: `usage-key-${i}`,
        accountId: account.id,
        name: `usage-${i} ${['shop', 'erp', 'crm', 'app', 'smpp'][i % 5]}`,
        kind: i % 3 === 0 ? ('CLOUD' as const) : ('DEFAULT' as const),
        usageLabel: i % 3 === 0 ? ('CLOUD' as const) : ('DEFAULT' as const),
        fragment: `…${i.toString(16).padStart(4, '0')}`,
        secretFingerprint: fingerprintSecret(`usage-secret-${i}`),
        origin: 'GENERATED' as const,
        createdAt: new Date(today - 200 * DAY),
        lastUsedAt: new Date(idleDays > 0 ? today - idleDays * DAY : now.getTime() - (i % 300) * 60_000),
        useCount: perDay * (USAGE_DAYS - idleDays) + 1000,
        usageFetchedAt: now,
        ipsFetchedAt: now,
        refusedCount: i % 17 === 0 ? 3 : 0,
      };
    });
    await prisma.apiKey.createMany({ data: rows });
  }
  const days = keys.flatMap((key) =>
    Array.from({ length: USAGE_DAYS - key.idleDays }, (_, back) => ({
      keyId: key.id,
      accountId: key.accountId,
      day: new Date(today - (back + key.idleDays) * DAY),
      uses: key.perDay + ((back * 13) % 11),
    })),
  );
  const hours = keys
    .filter((key) => key.idleDays === 0)
    .flatMap((key) =>
      Array.from({ length: USAGE_HOURS }, (_, back) => ({
        keyId: key.id,
        accountId: key.accountId,
        startsAt: new Date(thisHour - back * HOUR),
        uses: Math.max(1, Math.round(key.perDay / 24)) + (back % 3),
      })),
    );
  const snapshots = keys.flatMap((key) =>
    Array.from({ length: USAGE_HOURS }, (_, back) => ({
      keyId: key.id,
      takenAt: new Date(thisHour - back * HOUR),
      useCount: key.perDay * USAGE_DAYS - back * Math.round(key.perDay / 24),
      lastUsedAt: new Date(thisHour - back * HOUR - (key.idleDays > 0 ? key.idleDays * DAY : 0)),
      collectionId: `seed-${back}`,
    })),
  );
  await createInChunks(days, (data) => prisma.usageDay.createMany({ data }));
  await createInChunks(hours, (data) => prisma.usageHour.createMany({ data }));
  await createInChunks(snapshots, (data) => prisma.usageSnapshot.createMany({ data }));
  await prisma.$executeRawUnsafe('ANALYZE');
  return {
    leadId: lead.id,
    keys: keys.length,
    days: days.length,
    hours: hours.length,
    snapshots: snapshots.length,
  };
}

/** 10,000 keys on one account, each with an IP and a few days of uses in the last 90, and a lead who is a member. */
async function seedExport(prisma: PrismaClient) {
  const now = new Date();
  const today = dayStart(now).getTime();
  const lead = await prisma.user.create({
    data: { email: 'export-lead@bench.local', name: 'Export lead', role: 'LEAD' },
  });
  const account = await prisma.account.create({
    data: {
      label: 'Export',
      username: 'bench-export',
      credentialCiphertext: 'v1.unused',
      credentialKind: 'PASSWORD',
      apiBaseUrl: 'http://127.0.0.1:9/json',
      collection: { create: { nextRunAt: new Date('2100-01-01T00:00:00Z') } },
      memberships: { create: { userId: lead.id } },
    },
  });
  const keys = Array.from({ length: EXPORT_KEYS }, (_, i) => ({
    id: `export-key-${i}`,
    accountId: account.id,
    name: `key-${i} ${['shop', 'erp', 'crm', 'app', 'smpp'][i % 5]}`,
    kind: i % 3 === 0 ? ('CLOUD' as const) : ('DEFAULT' as const),
    usageLabel: i % 3 === 0 ? ('CLOUD' as const) : ('DEFAULT' as const),
    fragment: `…${i.toString(16).padStart(4, '0')}`,
    secretFingerprint: fingerprintSecret(`export-secret-${i}`),
    origin: 'GENERATED' as const,
    createdAt: new Date(now.getTime() - i * HOUR),
    lastUsedAt: i % 7 === 0 ? null : new Date(now.getTime() - (i % 1000) * 60_000),
    useCount: i % 7 === 0 ? 0 : i * 3,
    lockedAt: i % 3 !== 0 && i % 7 !== 0 ? new Date(now.getTime() - i * HOUR + DAY) : null,
    usageFetchedAt: now,
    ipsFetchedAt: now,
    refusedCount: i % 97 === 0 ? 2 : 0,
    lastRefusedIp: i % 97 === 0 ? '203.0.113.9' : null,
    lastRefusedAt: i % 97 === 0 ? now : null,
  }));
  await createInChunks(keys, (data) => prisma.apiKey.createMany({ data }));
  const ips = keys
    .filter((_, i) => i % 7 !== 0)
    .map((key, i) => ({
      keyId: key.id,
      address: `10.${(i >> 16) & 255}.${(i >> 8) & 255}.${i & 255}`,
      reason: key.kind === 'CLOUD' ? ('FIRST_SEEN' as const) : ('FIRST_USE' as const),
    }));
  await createInChunks(ips, (data) => prisma.keyIp.createMany({ data }));
  const days = keys
    .filter((_, i) => i % 7 !== 0)
    .flatMap((key, i) =>
      Array.from({ length: 5 }, (_, n) => ({
        keyId: key.id,
        accountId: account.id,
        day: new Date(today - ((i + n * 17) % 90) * DAY),
        uses: 1 + ((i * 7 + n) % 50),
      })),
    );
  await createInChunks(days, (data) => prisma.usageDay.createMany({ data, skipDuplicates: true }));
  await prisma.$executeRawUnsafe('ANALYZE');
  return { accountId: account.id, leadId: lead.id, days: days.length };
}

async function createInChunks<T>(rows: T[], create: (data: T[]) => Promise<unknown>, size = 5_000): Promise<void> {
  for (let start = 0; start < rows.length; start += size) await create(rows.slice(start, start + size));
}

/** One GET, its body read to the end: milliseconds. */
async function timeGet(url: string, cookie?: string): Promise<number> {
  const started = performance.now();
  const response = await fetch(url, cookie ? { headers: { cookie } } : undefined);
  await response.arrayBuffer();
  const elapsed = performance.now() - started;
  if (response.status !== 200) throw new Error(`${url} answered ${response.status}`);
  return elapsed;
}

/** Downloads a CSV whole while sampling the server's RSS every 20 ms: time, rows, bytes, baseline and peak RSS. */
async function download(url: string, cookie: string, pid: number) {
  const baselineSamples: number[] = [];
  for (let sample = 0; sample < 25; sample++) {
    baselineSamples.push(rssMb(pid));
    await sleep(RSS_SAMPLE_MS);
  }
  const baselineMb = median(baselineSamples);
  let peakMb = baselineMb;
  const sampler = setInterval(() => (peakMb = Math.max(peakMb, rssMb(pid))), RSS_SAMPLE_MS);
  try {
    const started = performance.now();
    const response = await fetch(url, { headers: { cookie } });
    if (response.status !== 200) throw new Error(`${url} answered ${response.status}: ${await response.text()}`);
    let firstByteMs = 0;
    let bytes = 0;
    let newlines = 0;
    const reader = response.body!.getReader();
    for (;;) {
      const { done, value: chunk } = await reader.read();
      if (done) break;
      if (bytes === 0) firstByteMs = performance.now() - started;
      bytes += chunk.length;
      for (const byte of chunk) if (byte === 10) newlines++;
    }
    const ms = performance.now() - started;
    // What the server still holds right after the last byte belongs to the download too.
    for (let sample = 0; sample < 10; sample++) {
      await sleep(RSS_SAMPLE_MS);
      peakMb = Math.max(peakMb, rssMb(pid));
    }
    return { ms, firstByteMs, bytes, rows: newlines - 1, baselineMb, peakMb };
  } finally {
    clearInterval(sampler);
  }
}

/** The floor under the exports: the same rows and columns, read by this process straight from Postgres. */
async function readExportRowsStraight(databaseUrl: string, accountId: string) {
  const client = new pg.Client({ connectionString: databaseUrl });
  await client.connect();
  try {
    const keysQuery = `SELECT k.*, (SELECT json_agg(i.*) FROM "KeyIp" i WHERE i."keyId" = k."id") AS ips
      FROM "ApiKey" k WHERE k."accountId" = $1 AND k."deletedAt" IS NULL ORDER BY k."createdAt", k."id"`;
    const usageQuery = `WITH used AS (SELECT "keyId", SUM("uses")::int AS uses FROM "UsageDay"
        WHERE "accountId" = $1 AND "day" >= current_date - 89 GROUP BY "keyId")
      SELECT k.*, a."label", COALESCE(u.uses, 0) AS uses FROM "ApiKey" k JOIN "Account" a ON a."id" = k."accountId"
        LEFT JOIN used u ON u."keyId" = k."id" WHERE k."accountId" = $1 AND k."deletedAt" IS NULL
        ORDER BY COALESCE(u.uses, 0) DESC, k."id" DESC`;
    const time = async (query: string) => {
      const runs: number[] = [];
      for (let run = 0; run < 5; run++) {
        const started = performance.now();
        await client.query(query, [accountId]);
        runs.push(performance.now() - started);
      }
      return median(runs);
    };
    return { keysMs: await time(keysQuery), usageMs: await time(usageQuery) };
  } finally {
    await client.end();
  }
}

/** A proxy before the sandbox that writes down each call: when it came, for whom, which action, how it was answered. */
async function startLoggingProxy(target: URL) {
  const calls: ProxiedCall[] = [];
  const agent = new http.Agent({ keepAlive: true });
  const server = http.createServer((request, response) => {
    const at = performance.now();
    const url = new URL(request.url ?? '/', 'http://proxy');
    const upstream = http.request(
      {
        host: target.hostname,
        port: target.port,
        path: url.pathname + url.search,
        method: request.method,
        headers: request.headers,
        agent,
      },
      (answer) => {
        const chunks: Buffer[] = [];
        answer.on('data', (chunk: Buffer) => chunks.push(chunk));
        answer.on('end', () => {
          const body = Buffer.concat(chunks);
          let status: number | null = null;
          try {
            status = (JSON.parse(body.toString('utf8')) as { status?: number }).status ?? null;
          } catch {
            // not an envelope
          }
          if (url.pathname.endsWith('/json'))
            calls.push({
              at,
              username: url.searchParams.get('username') ?? '',
              action: url.searchParams.get('action') ?? '',
              key: url.searchParams.get('token'),
              status,
              collector: (request.headers['x-bench-collector'] as string | undefined) ?? null,
            });
          response.writeHead(answer.statusCode ?? 502, answer.headers);
          response.end(body);
        });
      },
    );
    upstream.on('error', () => {
      response.writeHead(502);
      response.end();
    });
    request.pipe(upstream);
  });
  server.keepAliveTimeout = 30_000;
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', () => resolve()));
  const port = (server.address() as AddressInfo).port;
  return {
    url: `http://127.0.0.1:${port}/json`,
    calls,
    stop: () =>
      new Promise<void>((resolve) => {
        server.close(() => resolve());
        server.closeAllConnections();
        agent.destroy();
      }),
  };
}

type LoggingProxy = Awaited<ReturnType<typeof startLoggingProxy>>;

async function startCollectorProcess(databaseUrl: string, index: number, clockEpoch: number): Promise<ChildProcess> {
  const child = spawn(
    process.execPath,
    ['--conditions=react-server', '--import', 'tsx', path.join(root, 'bench', 'support', 'usage-collector.ts')],
    {
      cwd: root,
      stdio: ['ignore', 'pipe', 'inherit'],
      env: {
        ...process.env,
        DATABASE_URL: databaseUrl,
        CREDENTIALS_ENCRYPTION_KEY: credentialsKeyHex,
        BENCH_TIME_SCALE: String(TIME_SCALE),
        BENCH_CLOCK_EPOCH: String(clockEpoch),
        BENCH_COLLECTOR_ID: String(index),
        LOG_LEVEL: 'warn',
      },
    },
  );
  await new Promise<void>((resolve, reject) => {
    const lines = readline.createInterface({ input: child.stdout! });
    lines.on('line', (line) => {
      if (line.trim() === 'ready') resolve();
    });
    child.once('exit', (code) => reject(new Error(`collector ${index} exited with ${code} before it was ready`)));
  });
  return child;
}

/** A sandbox account of 200 Default keys, added to the dashboard; the collectors do the rest. */
async function measureCollection(prisma: PrismaClient, sandbox: RunningSandbox, proxy: LoggingProxy) {
  const username = `bench-collect-${crypto.randomBytes(4).toString('hex')}`;
  await sandbox.control.createAccount({
    username,
    password: 'bench-pass',
    keys: Array.from({ length: COLLECT_KEYS }, (_, index) => ({
      name: `Key ${index}`,
      kind: 'default' as const,
      ips: [`10.9.${index >> 8}.${index & 255}`],
    })),
  });
  const createdAt = performance.now();
  const account = await prisma.account.create({
    data: {
      label: 'Collection bench',
      username,
      credentialCiphertext: encryptSecret('bench-pass', credentialsKey),
      credentialKind: 'PASSWORD',
      apiBaseUrl: proxy.url,
    },
  });
  const fetchedKeys = () => {
    const seen = new Map<string, number>();
    for (const call of proxy.calls)
      if (call.username === username && call.action === 'token_list_ips' && call.status === 0 && call.key)
        if (!seen.has(call.key)) seen.set(call.key, call.at);
    return seen;
  };
  const deadline = performance.now() + ((COLLECT_KEYS / BACKGROUND_CALLS) * 60_000 * 3) / TIME_SCALE + 60_000;
  for (;;) {
    const pending = await prisma.apiKey.count({ where: { accountId: account.id, ipsFetchedAt: null } });
    const listed = await prisma.apiKey.count({ where: { accountId: account.id } });
    if (listed === COLLECT_KEYS && pending === 0 && fetchedKeys().size >= COLLECT_KEYS) break;
    if (performance.now() > deadline)
      throw new Error(`the collection did not finish in time: ${listed} keys listed, ${pending} IP lists pending`);
    await sleep(100);
  }
  const lastFetch = Math.max(...fetchedKeys().values());
  const calls = proxy.calls.filter((call) => call.username === username && call.at <= lastFetch);
  const firstCall = calls[0]!.at;
  const times = calls.map((call) => call.at);
  const inWindow = (windowMs: number) =>
    times.map((start) => times.filter((time) => time >= start && time < start + windowMs).length);
  const perMinute = inWindow(MINUTE_SCALED);
  const count = (key: (call: ProxiedCall) => string) => {
    const counts = new Map<string, number>();
    for (const call of calls) counts.set(key(call), (counts.get(key(call)) ?? 0) + 1);
    return [...counts].map(([name, n]) => `${name} ${n}`).join(', ');
  };
  // What the budget alone allows for these same calls (the token_list ones included): each leaving the moment the
  // background share has a call in the sliding window, taking no time itself. The rest of the measured time is the
  // job queue's (a continuation starts after whole seconds, found by a 0.5-s poll) and the refreshes' own work:
  // real time, which the scaled clock does not shrink.
  const budgetWindow = SENDSMS_BUDGET.windowMs / TIME_SCALE;
  const ideal: number[] = [];
  for (let index = 0; index < times.length; index++)
    ideal.push(
      Math.max(ideal[index - 1] ?? 0, index >= BACKGROUND_CALLS ? ideal[index - BACKGROUND_CALLS]! + budgetWindow : 0),
    );
  const jobs = times.filter((time, index) => index === 0 || time - times[index - 1]! > 200).length;
  return {
    accountId: account.id,
    firstToLastMs: lastFetch - firstCall,
    createdToLastMs: lastFetch - createdAt,
    calls: calls.length,
    byAction: count((call) => call.action),
    byCollector: count((call) => `#${call.collector ?? '?'}`),
    refused: calls.filter((call) => call.status === -4096).length,
    maxInMinute: Math.max(...perMinute),
    maxInBudgetWindow: Math.max(...inWindow(budgetWindow)),
    windowsOver: perMinute.filter((n) => n > BUDGET_LIMIT).length,
    budgetBoundMs: ideal.at(-1)!,
    jobs,
  };
}

/** No more collections of the account: its next one is put off to 2100, again if a collection in flight moved it. */
async function parkCollection(prisma: PrismaClient, accountId: string): Promise<void> {
  const parked = new Date('2100-01-01T00:00:00Z');
  for (let round = 0; round < 5; round++) {
    await prisma.accountCollection.update({ where: { accountId }, data: { nextRunAt: parked } });
    await sleep(1_000);
  }
}

/**
 * Uses of a new account's keys made straight at the sandbox (an integration calling sendSMS), at random moments over
 * three cadences, one key each; the keys list endpoint is asked every POLL_INTERVAL_MS (scaled) as the page does, until
 * each key's row shows the count the sandbox holds after its use.
 */
async function measureFreshness(
  prisma: PrismaClient,
  sandbox: RunningSandbox,
  proxy: LoggingProxy,
  origin: string,
  leadId: string,
  cookie: string,
) {
  const username = `bench-fresh-${crypto.randomBytes(4).toString('hex')}`;
  const created = await sandbox.control.createAccount({
    username,
    password: 'fresh-pass',
    keys: Array.from({ length: FRESH_KEYS }, (_, index) => ({ name: `Fresh ${index}`, kind: 'cloud' as const })),
  });
  const account = await prisma.account.create({
    data: {
      label: 'Freshness bench',
      username,
      credentialCiphertext: encryptSecret('fresh-pass', credentialsKey),
      credentialKind: 'PASSWORD',
      apiBaseUrl: proxy.url,
      memberships: { create: { userId: leadId } },
    },
  });
  const listUrl = `${origin}/api/accounts/${account.id}/keys?size=50&sort=name&dir=asc`;
  const readCounts = async () => {
    const response = await fetch(listUrl, { headers: { cookie } });
    const body = (await response.json()) as { rows?: Array<{ name: string; useCount: number | null }> };
    if (!response.ok) throw new Error(`the keys list answered ${response.status}`);
    return new Map((body.rows ?? []).map((row) => [row.name, row.useCount]));
  };
  // The first collection lists the keys.
  const deadline = performance.now() + (4 * USAGE_CADENCE_MS) / TIME_SCALE + 30_000;
  while ([...(await readCounts()).values()].filter((count) => count !== null).length < FRESH_KEYS) {
    if (performance.now() > deadline) throw new Error('the freshness account was never collected');
    await sleep(200);
  }

  const cadence = USAGE_CADENCE_MS / TIME_SCALE;
  const pollMs = POLL_INTERVAL_MS / TIME_SCALE;
  const trials = created.keys.map((key) => ({
    name: key.name,
    secret: key.secret,
    at: Math.random() * FRESH_SPREAD_CADENCES * cadence,
    usedAt: null as number | null,
    expected: null as number | null,
    seenAt: null as number | null,
    refusals: 0,
  }));
  const start = performance.now();
  const uses = trials.map(async (trial) => {
    await sleep(trial.at);
    const url = new URL(sandbox.url);
    url.search = new URLSearchParams({ action: 'user_get_balance', username, password: trial.secret! }).toString();
    // Uses count in the account's 10 calls a minute at the sandbox, as sendSMS counts them: one refused (-4096)
    // because the collection took the window's calls is made again a little later, and timed from then.
    for (let attempt = 0; ; attempt++) {
      trial.usedAt = performance.now();
      const answer = (await (await fetch(url)).json()) as { status: number };
      if (answer.status === 0) break;
      if (answer.status !== -4096 || attempt === 20)
        throw new Error(`the use of ${trial.name} was refused: ${answer.status}`);
      trial.refusals++;
      await sleep(pollMs);
    }
    const snapshot = await sandbox.control.account(username);
    trial.expected = snapshot!.keys.find((key) => key.name === trial.name)!.useCount;
  });
  const endBy = start + (FRESH_SPREAD_CADENCES + 4) * cadence + 4 * pollMs;
  // The page's poll: at a fixed pace, whatever the uses do.
  while (performance.now() < endBy && trials.some((trial) => trial.seenAt === null)) {
    const askedAt = performance.now();
    const counts = await readCounts();
    for (const trial of trials) {
      if (trial.seenAt !== null || trial.expected === null || trial.usedAt === null || trial.usedAt > askedAt) continue;
      if ((counts.get(trial.name) ?? -1) >= trial.expected) trial.seenAt = performance.now();
    }
    await sleep(Math.max(0, pollMs - (performance.now() - askedAt)));
  }
  await Promise.all(uses);
  const seen = trials.filter((trial) => trial.seenAt !== null);
  // Where the time went: until the next token_list that answered after the use, then until a poll showed it.
  const listings = proxy.calls
    .filter((call) => call.username === username && call.action === 'token_list' && call.status === 0)
    .map((call) => call.at);
  const collectedAt = (usedAt: number) => listings.find((at) => at > usedAt) ?? Number.NaN;
  const during = listings.filter((at) => at >= start);
  return {
    delaysMs: seen.map((trial) => trial.seenAt! - trial.usedAt!),
    untilCollectedMs: seen.map((trial) => collectedAt(trial.usedAt!) - trial.usedAt!),
    collectedToShownMs: seen.map((trial) => trial.seenAt! - collectedAt(trial.usedAt!)),
    listingGapsMs: during.slice(1).map((at, index) => at - during[index]!),
    refusals: trials.reduce((sum, trial) => sum + trial.refusals, 0),
    timedOut: trials.length - seen.length,
  };
}

function sleep(ms: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, ms));
}

main().then(
  () => process.exit(0),
  (error: unknown) => {
    console.error(error);
    process.exit(1);
  },
);
