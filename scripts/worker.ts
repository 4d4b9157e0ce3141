/**
 * `npm run worker`: the usage collector alone, for deployments that run it apart from the dashboard's servers (set
 * USAGE_COLLECTION=off on those). It works the same job queue in the same database, so any number of workers and
 * servers together still run each job once. It needs the dashboard's database: DATABASE_URL, and the
 * CREDENTIALS_ENCRYPTION_KEY the dashboard uses (or the same DATA_DIR, where `npm start` keeps a generated one).
 */
import { parseConfig, ConfigError } from '@/lib/config';
import { applyMigrations } from '@/lib/db/migrate';
import { createLogger, describeError } from '@/lib/log';
import { resolveSecrets } from '@/lib/runtime/prepare';

const log = createLogger('worker');

async function main(): Promise<void> {
  const config = parseConfig(process.env);
  if (!config.databaseUrl) {
    throw new ConfigError([
      'DATABASE_URL is not set: the worker collects for a dashboard, so give it that dashboard’s database',
    ]);
  }
  const secrets = resolveSecrets(config, log);
  // The collector reads the configuration through getConfig(), as the server does: hand it the resolved key.
  process.env.CREDENTIALS_ENCRYPTION_KEY = secrets.encryptionKey.toString('hex');
  process.env.USAGE_COLLECTION = 'on';
  await applyMigrations(config.databaseUrl, { log });
  const { startServerCollector } = await import('@/lib/collection/server-collector');
  const collector = await startServerCollector();
  if (!collector) throw new Error('the collector did not start');
  log.info(`worker ${process.pid} collecting usage (job queue in schema ${config.jobQueueSchema})`);
  const stop = async (signal: string) => {
    log.info(`${signal}: finishing the jobs in hand, then stopping`);
    await collector.stop().catch((error: unknown) => log.warn(describeError(error)));
    process.exit(0);
  };
  process.once('SIGTERM', () => void stop('SIGTERM'));
  process.once('SIGINT', () => void stop('SIGINT'));
}

main().catch((error: unknown) => {
  log.error(describeError(error));
  process.exit(1);
});
