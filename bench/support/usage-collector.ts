/**
 * One usage-collector process for `npm run bench:usage`: the job queue of lib/collection (startCollector), as a
 * dashboard process or `npm run worker` runs it, on a clock scaled 1:BENCH_TIME_SCALE. Started twice by the bench,
 * so that two processes work the same queue and share one budget in Postgres.
 *
 * What the scaling changes, all through the collector's own seams (no code of lib/ is touched):
 *   - the budget's sliding window (61 s / scale, the Postgres budget every process shares, background share 7 of 10);
 *   - the services' clock (deps.now): a minute of it passes in 60 s / scale, so the usage cadence
 *     (USAGE_CADENCE_MS, 2 min), the IP lists' age (IP_REFRESH_AFTER_MS) and nextRunAt run scaled. Both processes
 *     scale from the same instant (BENCH_CLOCK_EPOCH), so they read the same time;
 *   - the tick: queueDueAccounts every 60 s / scale (pg-boss's own cron fires each real minute and is left as is);
 *   - pg-boss's polling: its minimum, 0.5 s (the server's default is 2 s).
 * What it cannot change: pg-boss delays a job's continuation by whole seconds (startAfter), which the bench reports.
 *
 * Every sendSMS call carries the header X-Bench-Collector (this process's number), which the bench's logging proxy
 * records and the sandbox ignores. Prints `ready` on stdout once it works the queue.
 */
import { startCollector } from '@/lib/collection/collector';
import { SENDSMS_BUDGET } from '@/lib/config';
import { createPrismaClient } from '@/lib/db/client';
import type { KeyServiceDeps } from '@/lib/keys/deps';
import { createLogger } from '@/lib/log';
import { backgroundShare } from '@/lib/sendsms/budget';
import { createPostgresBudget } from '@/lib/sendsms/budget-postgres';
import { createPostgresCapabilityStore } from '@/lib/sendsms/capabilities-postgres';
import { createSendsmsClient, type SendsmsClient } from '@/lib/sendsms/client';

const databaseUrl = process.env.DATABASE_URL!;
const scale = Number(process.env.BENCH_TIME_SCALE);
const epoch = Number(process.env.BENCH_CLOCK_EPOCH);
const collectorId = process.env.BENCH_COLLECTOR_ID ?? String(process.pid);

async function main(): Promise<void> {
  const log = createLogger(`bench-collector-${collectorId}`);
  const prisma = createPrismaClient(databaseUrl);
  const limits = { limit: SENDSMS_BUDGET.limit, windowMs: Math.round(SENDSMS_BUDGET.windowMs / scale) };
  const budget = createPostgresBudget(prisma, limits);
  const capabilities = createPostgresCapabilityStore(prisma);
  const tagged: typeof fetch = (input, init) => {
    const headers = new Headers(init?.headers);
    headers.set('x-bench-collector', collectorId);
    return fetch(input, { ...init, headers });
  };
  const clients = new Map<string, SendsmsClient>();
  const clientFor = (priority: 'person' | 'background') => (baseUrl: string) => {
    const cacheKey = `${priority}\n${baseUrl}`;
    let client = clients.get(cacheKey);
    if (!client) {
      client = createSendsmsClient({
        baseUrl,
        budget: priority === 'background' ? backgroundShare(budget, limits) : budget,
        capabilities,
        fetch: tagged,
        log,
      });
      clients.set(cacheKey, client);
    }
    return client;
  };
  const deps: KeyServiceDeps = {
    prisma,
    clientFor: clientFor('person'),
    backgroundClientFor: clientFor('background'),
    credentialsKey: Buffer.from(process.env.CREDENTIALS_ENCRYPTION_KEY!, 'hex'),
    now: () => new Date(epoch + (Date.now() - epoch) * scale),
  };
  const collector = await startCollector({
    databaseUrl,
    schema: process.env.JOB_QUEUE_SCHEMA ?? 'pgboss',
    deps: () => deps,
    retentionMonths: 13,
    log,
    pollingIntervalSeconds: 0.5,
  });
  const tick = () => void collector.queueDueAccounts().catch((error: unknown) => log.warn(String(error)));
  tick();
  const ticking = setInterval(tick, 60_000 / scale);
  process.stdout.write('ready\n');

  process.once('SIGTERM', () => {
    clearInterval(ticking);
    void collector
      .stop()
      .catch(() => undefined)
      .then(() => prisma.$disconnect())
      .finally(() => process.exit(0));
  });
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
