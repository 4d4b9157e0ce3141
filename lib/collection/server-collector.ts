import 'server-only';
import { getConfig } from '@/lib/config';
import { serverKeyDeps } from '@/lib/keys/deps';
import { startCollector, type Collector } from '@/lib/collection/collector';
import { createLogger, describeError } from '@/lib/log';

/**
 * The collector of this server process (instrumentation.ts) or of `npm run worker`: one per process, kept on
 * globalThis so that Next's module copies share it. Never stops start-up: when the database refuses, it says so and
 * tries again, and the dashboard serves meanwhile (the Refresh button still works).
 */

const RETRY_START_AFTER_MS = 30_000;
const globalForCollector = globalThis as unknown as { usageCollector?: Promise<Collector | null> };

export function startServerCollector(): Promise<Collector | null> {
  return (globalForCollector.usageCollector ??= startWithRetry());
}

async function startWithRetry(): Promise<Collector | null> {
  const config = getConfig();
  const log = createLogger('collector');
  if (!config.usageCollection || !config.databaseUrl) return null;
  for (;;) {
    try {
      const collector = await startCollector({
        databaseUrl: config.databaseUrl,
        schema: config.jobQueueSchema,
        deps: () => serverKeyDeps(),
        retentionMonths: config.usageRetentionMonths,
        log,
      });
      log.info('usage collection started: every account on a schedule, within the background share of its budget');
      return collector;
    } catch (error) {
      log.warn(`usage collection could not start (trying again in 30 s): ${describeError(error)}`);
      await new Promise((resolve) => setTimeout(resolve, RETRY_START_AFTER_MS).unref());
    }
  }
}
