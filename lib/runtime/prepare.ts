import pg from 'pg';
import { sendsmsBudgetLimits, upstreamBaseUrl, type Config } from '@/lib/config';
import { createPrismaClient } from '@/lib/db/client';
import { startEmbeddedPostgres } from '@/lib/runtime/embedded-postgres';
import { applyMigrations } from '@/lib/db/migrate';
import { seedDemo } from '@/lib/demo/seed';
import type { Logger } from '@/lib/log';
import { assertDataDirWritable } from '@/lib/runtime/data-dir';
import { readOrCreateLocalSecret } from '@/lib/runtime/local-secrets';
import { startSandbox } from '@/lib/sendsms/sandbox/server';
import { StartupError } from '@/lib/errors/startup-error';

/**
 * Everything the server needs before Next.js starts: its secrets, a migrated database, and in the embedded mode
 * the demo. Used by `npm start`; the steps are in the order a failure should be reported.
 */

export interface Runtime {
  databaseUrl: string;
  /** Environment handed to the Next.js server: every value it would otherwise have to work out again. */
  serverEnvironment: Record<string, string>;
  databaseDescription: string;
  upstreamDescription: string;
  demoSeeded: boolean;
  stop(): Promise<void>;
}

export async function prepareRuntime(config: Config, log: Logger): Promise<Runtime> {
  const embedded = config.databaseUrl === null;
  if (embedded || !config.nextAuthSecret || !config.credentialsEncryptionKey) assertDataDirWritable(config.dataDir);
  const secrets = resolveSecrets(config, log);

  const stops: Array<() => Promise<void>> = [];
  const stop = async () => {
    for (const stopOne of stops.reverse()) await stopOne();
  };

  try {
    let databaseUrl: string;
    let databaseDescription: string;
    if (config.databaseUrl === null) {
      const database = await startEmbeddedPostgres({ dataDir: config.dataDir, port: config.embeddedPostgresPort, log });
      stops.push(database.stop);
      databaseUrl = database.url;
      databaseDescription = `embedded PostgreSQL on 127.0.0.1:${config.embeddedPostgresPort} (data in ${config.dataDir})`;
    } else {
      databaseUrl = config.databaseUrl;
      await assertDatabaseReachable(databaseUrl);
      databaseDescription = `DATABASE_URL (${describeDatabase(databaseUrl)})`;
    }

    await applyMigrations(databaseUrl, { log });

    let demoSeeded = false;
    if (embedded) {
      const prisma = createPrismaClient(databaseUrl);
      try {
        const report = await seedDemo(prisma, {
          apiBaseUrl: upstreamBaseUrl(config),
          encryptionKey: secrets.encryptionKey,
        });
        if (report.usersCreated + report.accountsCreated + report.keysCreated > 0) {
          log.info(
            `demo data: ${report.usersCreated} users, ${report.accountsCreated} accounts, ${report.keysCreated} keys created`,
          );
        }
        demoSeeded = true;
      } finally {
        await prisma.$disconnect();
      }
    }

    // The bundled sandbox (lib/sendsms/sandbox) starts here when SENDSMS_API_URL is not set: issue 3.
    if (config.sendsmsApiUrl === null) {
      const sandbox = await startSandbox({
        databaseUrl,
        host: '127.0.0.1',
        port: config.sandboxPort,
        log,
        budget: sendsmsBudgetLimits(config),
      });
      stops.push(sandbox.stop);
    }

    return {
      databaseUrl,
      serverEnvironment: {
        DATABASE_URL: databaseUrl,
        NEXTAUTH_SECRET: secrets.nextAuthSecret,
        CREDENTIALS_ENCRYPTION_KEY: secrets.encryptionKey.toString('hex'),
        SENDSMS_API_URL: upstreamBaseUrl(config),
      },
      databaseDescription,
      upstreamDescription: config.sendsmsApiUrl ?? `${upstreamBaseUrl(config)} (the bundled sandbox)`,
      demoSeeded,
      stop,
    };
  } catch (error) {
    await stop().catch(() => undefined);
    throw error;
  }
}

export function resolveSecrets(config: Config, log: Logger): { nextAuthSecret: string; encryptionKey: Buffer } {
  const generated: string[] = [];
  const nextAuthSecret =
    config.nextAuthSecret ??
    (generated.push('NEXTAUTH_SECRET'), readOrCreateLocalSecret(config.dataDir, 'nextauth-secret', 32));
  const encryptionKey =
    config.credentialsEncryptionKey ??
    (generated.push('CREDENTIALS_ENCRYPTION_KEY'),
    Buffer.from(readOrCreateLocalSecret(config.dataDir, 'credentials-encryption-key', 32), 'hex'));
  if (generated.length > 0 && config.databaseUrl !== null) {
    // With an external database the data directory is easy to lose, and with it every stored credential.
    log.warn(`${generated.join(' and ')} not set: using the value kept in ${config.dataDir}; set it in production`);
  }
  return { nextAuthSecret, encryptionKey };
}

async function assertDatabaseReachable(databaseUrl: string): Promise<void> {
  const client = new pg.Client({ connectionString: databaseUrl, connectionTimeoutMillis: 5_000 });
  try {
    await client.connect();
    await client.query('SELECT 1');
  } catch (error) {
    const code = (error as { code?: string }).code;
    const reason = code
      ? `${code}${error instanceof Error && !error.message.includes(code) ? `: ${error.message}` : ''}`
      : describe(error);
    throw new StartupError(
      'DatabaseUnreachableError',
      `DATABASE_URL (${describeDatabase(databaseUrl)}) refuses connections: ${reason}`,
    );
  } finally {
    await client.end().catch(() => undefined);
  }
}

/** host:port/database, never the user's password. */
export function describeDatabase(databaseUrl: string): string {
  try {
    const url = new URL(databaseUrl);
    return `${url.hostname}:${url.port || '5432'}${url.pathname}`;
  } catch {
    return 'unparseable URL';
  }
}

function describe(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}
