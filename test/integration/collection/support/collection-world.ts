import { spawn } from 'node:child_process';
import path from 'node:path';
import { PgBoss } from 'pg-boss';
import { afterAll, beforeAll } from 'vitest';
import { COLLECTION_QUEUES } from '@/lib/collection/collector';
import { createPrismaClient } from '@/lib/db/client';
import { applyMigrations } from '@/lib/db/migrate';
import type { PrismaClient } from '@/lib/generated/prisma/client';
import { createLogger } from '@/lib/log';
import type { NewAccount } from '@/lib/sendsms/sandbox/control';
import { startSandbox, type RunningSandbox } from '@/lib/sendsms/sandbox/server';
import { credentialsKey, createTestAccount, type TestAccount } from '@/test/integration/keys/keys-fixture';
import { createScratchDatabase } from '@/test/integration/support/database';
import { waitForOutput, type StartRun } from '@/test/integration/support/run-start';
import { startRecordingProxy, type RecordingProxy } from '@/test/integration/collection/support/recording-proxy';

/**
 * The world of one collection test file: a database of its own (every worker collects every account of its
 * database, so the collection tests must not share one with each other or with the other files), migrated before
 * anything starts; a sandbox on it, with a recording proxy in front (the accounts' base URL); and real `npm run
 * worker` processes, started by the test and always killed after its last test, failed or not.
 */

const root = path.resolve(__dirname, '../../../..');

export interface WorldOptions {
  /** The job queue's schema (JOB_QUEUE_SCHEMA): one per test file. */
  schema: string;
  /** SENDSMS_BUDGET_PER_MINUTE of the workers. */
  budgetPerMinute?: number;
  /** SENDSMS_TIMEOUT_MS of the workers. */
  timeoutMs?: number;
}

export interface WorkerProcess extends StartRun {
  name: string;
}

export interface CollectionWorld {
  readonly prisma: PrismaClient;
  readonly sandbox: RunningSandbox;
  readonly proxy: RecordingProxy;
  readonly databaseUrl: string;
  readonly schema: string;
  /** Starts `npm run worker`'s command against the world; resolves once it says it is collecting. */
  startWorker(name: string): Promise<WorkerProcess>;
  /** A sendSMS account in the sandbox and the dashboard, reached through the proxy. */
  createAccount(keys?: NewAccount['keys']): Promise<TestAccount>;
  /** Queues one job, as the collector itself would (a tick, or an account's collection); returns its id. */
  send(queue: string, data?: object | null, options?: { singletonKey?: string }): Promise<string>;
  /** The job queue's rows of one queue, oldest first. */
  jobs(queue: string): Promise<JobRow[]>;
}

export interface JobRow {
  id: string;
  state: string;
  retryCount: number;
  singletonKey: string | null;
  data: unknown;
  createdOn: Date;
}

export function collectionWorld(options: WorldOptions): CollectionWorld {
  if (!/^[a-z_][a-z0-9_]{0,62}$/.test(options.schema)) throw new Error(`not a schema name: ${options.schema}`);
  let scratch: Awaited<ReturnType<typeof createScratchDatabase>> | undefined;
  let prisma: PrismaClient | undefined;
  let sandbox: RunningSandbox | undefined;
  let proxy: RecordingProxy | undefined;
  let boss: PgBoss | undefined;
  const workers: WorkerProcess[] = [];
  // Should the test runner's process end without running afterAll, the workers end with it.
  const killAll = () => {
    for (const worker of workers) if (worker.child.exitCode === null) worker.child.kill('SIGKILL');
  };

  beforeAll(async () => {
    scratch = await createScratchDatabase(`collection_${options.schema}`);
    await applyMigrations(scratch.url, { log: createLogger('test-db', () => undefined) });
    prisma = createPrismaClient(scratch.url);
    sandbox = await startSandbox({
      databaseUrl: scratch.url,
      port: 0,
      log: createLogger('sandbox-test', () => undefined),
      seed: false,
      // The proxy records every call; the dashboard's own budget is what the tests check.
      budget: null,
      poolSize: 4,
    });
    proxy = await startRecordingProxy(sandbox.url);
    process.once('exit', killAll);
  });

  afterAll(async () => {
    killAll();
    await Promise.all(workers.map((worker) => worker.exited));
    process.removeListener('exit', killAll);
    await boss?.stop({ graceful: false, timeout: 2_000 }).catch(() => undefined);
    await proxy?.stop();
    await sandbox?.stop();
    await prisma?.$disconnect();
    await scratch?.drop();
  });

  const world: CollectionWorld = {
    get prisma() {
      return started(prisma, 'prisma');
    },
    get sandbox() {
      return started(sandbox, 'sandbox');
    },
    get proxy() {
      return started(proxy, 'proxy');
    },
    get databaseUrl() {
      return started(scratch, 'database').url;
    },
    schema: options.schema,

    async startWorker(name) {
      let output = '';
      const child = spawn(process.execPath, ['--conditions=react-server', '--import', 'tsx', 'scripts/worker.ts'], {
        cwd: root,
        env: {
          PATH: process.env.PATH ?? '',
          HOME: process.env.HOME ?? '/tmp',
          NODE_ENV: 'production',
          DATABASE_URL: world.databaseUrl,
          JOB_QUEUE_SCHEMA: options.schema,
          CREDENTIALS_ENCRYPTION_KEY: credentialsKey.toString('hex'),
          // Set, so that the worker neither reads nor writes secrets under .data.
          NEXTAUTH_SECRET: 'collection-test-secret-of-at-least-32-characters',
          SENDSMS_API_URL: world.proxy.url,
          SENDSMS_BUDGET_PER_MINUTE: String(options.budgetPerMinute ?? 10),
          SENDSMS_TIMEOUT_MS: String(options.timeoutMs ?? 10_000),
          LOG_LEVEL: 'info',
        },
        stdio: ['ignore', 'pipe', 'pipe'],
      });
      child.stdout.on('data', (chunk) => (output += chunk));
      child.stderr.on('data', (chunk) => (output += chunk));
      const exited = new Promise<{ code: number | null; signal: NodeJS.Signals | null }>((resolve) =>
        child.on('exit', (code, signal) => resolve({ code, signal })),
      );
      const worker: WorkerProcess = { name, child, output: () => output, exited };
      workers.push(worker);
      await waitForOutput(worker, /collecting usage \(job queue in schema/, 30_000);
      return worker;
    },

    async createAccount(keys = []) {
      const account = await createTestAccount(world.prisma, world.sandbox, keys);
      await world.prisma.account.update({
        where: { id: account.accountId },
        data: { apiBaseUrl: world.proxy.url },
      });
      return account;
    },

    async send(queue, data = null, sendOptions = {}) {
      if (!boss) {
        // A client of the workers' queue, working none of it: it neither schedules nor supervises.
        boss = new PgBoss({
          connectionString: world.databaseUrl,
          schema: options.schema,
          schedule: false,
          supervise: false,
          max: 2,
        });
        boss.on('error', () => undefined);
        await boss.start();
      }
      const id = await boss.send(queue, data, sendOptions);
      if (!id) throw new Error(`the queue ${queue} refused the job (one is waiting already?)`);
      return id;
    },

    async jobs(queue) {
      return world.prisma.$queryRawUnsafe<JobRow[]>(
        `SELECT id::text AS "id", state::text AS "state", retry_count AS "retryCount",
                singleton_key AS "singletonKey", data, created_on AS "createdOn"
           FROM ${options.schema}.job WHERE name = $1 ORDER BY created_on, id`,
        queue,
      );
    },
  };
  return world;
}

function started<T>(value: T | undefined, name: string): T {
  if (value === undefined) throw new Error(`The collection world's ${name} is read before its beforeAll ran`);
  return value;
}

/** Waits until `check` returns a value other than undefined/false, polling; says what it waited for on timeout. */
export async function waitFor<T>(
  what: string,
  check: () => Promise<T | undefined | false> | T | undefined | false,
  timeoutMs: number,
  context: () => string = () => '',
): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = await check();
    if (value !== undefined && value !== false) return value;
    if (Date.now() > deadline) throw new Error(`timed out after ${timeoutMs} ms waiting for ${what}\n${context()}`);
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
}

export const pause = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

export { COLLECTION_QUEUES };
