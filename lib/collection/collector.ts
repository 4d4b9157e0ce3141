import 'server-only';
import { PgBoss } from 'pg-boss';
import { z } from 'zod';
import { selectAccountsDue } from '@/lib/keys/collection-state';
import type { KeyServiceDeps } from '@/lib/keys/deps';
import { collectAccount } from '@/lib/collection/collect-account';
import { pruneUsage } from '@/lib/usage/retention';
import { pruneAnonymousRefusals } from '@/lib/audit/anonymous-refusal';
import { createLogger, describeError, type Logger } from '@/lib/log';

/**
 * The usage collector: a job queue on the dashboard's own PostgreSQL (pg-boss), worked by every dashboard process
 * (and by `npm run worker`). pg-boss was chosen over graphile-worker after measuring both (see the note of issue 12):
 * a job whose process is killed is retried by another process within seconds (heartbeats), where graphile-worker
 * holds it for 4 hours; both fire a schedule once however many processes run.
 *
 * - every minute (a schedule, fired once across processes) the tick queues one job per account whose collection is
 *   due (collection-state.ts), at most one waiting and one running per account (the queue's `stately` policy);
 * - an account's job collects it (collect-account.ts); when the budget deferred work it queues itself again for
 *   the moment the budget frees, so a large account is collected as fast as its budget share allows;
 * - a daily schedule prunes the usage series (lib/usage/retention.ts) and the counts of refused requests without a
 *   session (lib/audit/anonymous-refusal.ts).
 */

export const COLLECTION_QUEUES = {
  tick: 'usage-collection-tick',
  account: 'usage-collect-account',
  retention: 'usage-retention',
} as const;

/** How many accounts one process collects at once: each waits mostly on sendSMS. */
const ACCOUNTS_AT_ONCE = 4;
/** A job not heard from for this long (its process died) is retried, by whichever process is alive. */
const HEARTBEAT_SECONDS = 10;
/** At most this many accounts are queued per tick: the rest are next minute's. */
const ACCOUNTS_PER_TICK = 1000;

const accountJob = z.object({ accountId: z.string().min(1) });

export interface CollectorOptions {
  databaseUrl: string;
  /** The schema pg-boss keeps its tables in (JOB_QUEUE_SCHEMA). */
  schema: string;
  /** The services' dependencies, asked for each job (the server's, or a test's). */
  deps: () => KeyServiceDeps;
  retentionMonths: number;
  log?: Logger;
  /** How often workers look for jobs; the default suits a server, tests make it shorter. */
  pollingIntervalSeconds?: number;
}

export interface Collector {
  /** Queues a collection of the account now (it still waits for the budget): what the tests use (a manual Refresh runs its refresh at once). */
  collectSoon(accountId: string): Promise<void>;
  /** Runs the tick's work at once instead of waiting for the next minute. */
  queueDueAccounts(): Promise<number>;
  stop(): Promise<void>;
}

export async function startCollector(options: CollectorOptions): Promise<Collector> {
  const log = options.log ?? createLogger('collector');
  const boss = new PgBoss({
    connectionString: options.databaseUrl,
    schema: options.schema,
    application_name: 'sendsms-dashboard-collector',
    max: 4,
    // Lost jobs (a killed process) are found within seconds, not at the default's minute.
    monitorIntervalSeconds: 1,
    superviseIntervalSeconds: 5,
  });
  // pg-boss reports database trouble here instead of throwing: log it, the next poll tries again.
  boss.on('error', (error) => log.warn(`job queue: ${describeError(error)}`));
  await boss.start();

  await boss.createQueue(COLLECTION_QUEUES.tick, { policy: 'singleton', retryLimit: 0, expireInSeconds: 60 });
  await boss.createQueue(COLLECTION_QUEUES.account, {
    policy: 'stately',
    heartbeatSeconds: HEARTBEAT_SECONDS,
    retryLimit: 5,
    retryDelay: 5,
    retryBackoff: true,
    retryDelayMax: 300,
    expireInSeconds: 15 * 60,
    deleteAfterSeconds: 24 * 3600,
  });
  await boss.createQueue(COLLECTION_QUEUES.retention, { policy: 'singleton', retryLimit: 3, retryDelay: 60 });
  await boss.schedule(COLLECTION_QUEUES.tick, '* * * * *', null, { tz: 'UTC' });
  await boss.schedule(COLLECTION_QUEUES.retention, '17 3 * * *', null, { tz: 'UTC' });

  const polling = { pollingIntervalSeconds: options.pollingIntervalSeconds ?? 2 };

  const collectSoon = async (accountId: string, startAfterMs = 0) => {
    await boss.send(
      COLLECTION_QUEUES.account,
      { accountId },
      { singletonKey: accountId, ...(startAfterMs > 0 ? { startAfter: Math.ceil(startAfterMs / 1000) } : {}) },
    );
  };

  const queueDueAccounts = async () => {
    const deps = options.deps();
    const due = await selectAccountsDue(deps.prisma, deps.now(), ACCOUNTS_PER_TICK);
    // A send refused by the stately policy means that account already has a job waiting: nothing is lost.
    await Promise.all(due.map((accountId) => collectSoon(accountId)));
    return due.length;
  };

  await boss.work(COLLECTION_QUEUES.tick, polling, async () => {
    await queueDueAccounts();
  });

  await boss.work<{ accountId: string }>(
    COLLECTION_QUEUES.account,
    { ...polling, localConcurrency: ACCOUNTS_AT_ONCE },
    async ([job]) => {
      if (!job) return;
      const { accountId } = accountJob.parse(job.data);
      const result = await collectAccount(options.deps(), accountId, job.id);
      if (!result.collected) return;
      const { report } = result;
      if (report.problems.length > 0)
        log.info(`collection of ${accountId}: ${report.problems[0]?.message ?? 'failed'} (backing off)`);
      // Work left behind the budget, or more than one refresh takes: queue the rest for when the budget has a call.
      if (report.continueAfterMs !== null) await collectSoon(accountId, report.continueAfterMs);
    },
  );

  await boss.work(COLLECTION_QUEUES.retention, polling, async () => {
    const deps = options.deps();
    const pruned = await pruneUsage(deps.prisma, deps.now(), options.retentionMonths);
    log.info(
      `usage retention: ${pruned.snapshots} snapshots and ${pruned.hours} hours older than 7 days, ${pruned.days} days older than ${options.retentionMonths} months removed`,
    );
    // The counts of refused requests without a session are not audit events (those are never deleted): kept 90 days.
    const refusals = await pruneAnonymousRefusals(deps.prisma, deps.now());
    log.info(`retention: ${refusals} minutes of refused requests without a session older than 90 days removed`);
  });

  return {
    collectSoon: (accountId) => collectSoon(accountId),
    queueDueAccounts,
    stop: () => boss.stop({ graceful: true, timeout: 10_000 }),
  };
}
