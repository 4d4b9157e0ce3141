import type { Db } from '@/lib/keys/repository';

/**
 * Each account's usage collection (AccountCollection): when it last ran, how it ended, and when the next one is due.
 * Every refresh writes it, the scheduled one (lib/collection) and a person's Refresh alike, so that a Refresh that
 * succeeds ends a back-off and the page tells one story. Not a key table: writing it does not move the keys version.
 */

/** How often an account's usage (token_list) is collected while nothing fails. */
export const USAGE_CADENCE_MS = 2 * 60_000;
/** A collection still marked running after this long died with its process; the job queue runs it again. */
export const COLLECTION_LOST_AFTER_MS = 5 * 60_000;
/** After failures in a row the next collection waits 1, 2, 4 … minutes, never longer than this. */
export const MAX_BACKOFF_MS = 60 * 60_000;

/** How long to wait after `failures` collections failed in a row (1 or more). */
export function backoffAfter(failures: number): number {
  return Math.min(MAX_BACKOFF_MS, 60_000 * 2 ** Math.max(0, Math.min(failures, 20) - 1));
}

export interface CollectionState {
  accountId: string;
  nextRunAt: Date;
  lastStartedAt: Date | null;
  lastFinishedAt: Date | null;
  lastSucceededAt: Date | null;
  lastUsageAt: Date | null;
  failureCount: number;
  lastProblem: string | null;
  lastUpstreamStatus: number | null;
}

export async function selectCollectionState(db: Db, accountId: string): Promise<CollectionState | null> {
  return db.accountCollection.findUnique({ where: { accountId } });
}

export async function markCollectionStarted(db: Db, accountId: string, at: Date): Promise<void> {
  await db.accountCollection.upsert({
    where: { accountId },
    create: { accountId, lastStartedAt: at, nextRunAt: at },
    update: { lastStartedAt: at },
  });
}

export interface CollectionOutcome {
  at: Date;
  /** token_list answered (usage fetched or said not reported). */
  usageAnswered: boolean;
  /** A problem that made the collection fail; null when it succeeded. */
  problem: { message: string; upstreamStatus: number | null } | null;
  /** When more work waits for the budget: run again once it frees, not a cadence later. */
  continueAfterMs: number | null;
}

/**
 * When the next collection is due after one that succeeded: a cadence after the last usage fetch (an IP-only
 * continuation must not push usage back by its own cadence), sooner when work waits for the budget.
 */
export function nextRunAfterSuccess(outcome: CollectionOutcome, lastUsageAt: Date | null): Date {
  const at = outcome.at.getTime();
  const usageFetchedAt = outcome.usageAnswered ? at : (lastUsageAt?.getTime() ?? at);
  const usageDueAt = usageFetchedAt + USAGE_CADENCE_MS;
  const continueAt = outcome.continueAfterMs === null ? Infinity : at + outcome.continueAfterMs;
  return new Date(Math.min(usageDueAt, continueAt));
}

/** Writes how a collection ended and when the next is due: a cadence later, sooner with work left, later after failures. */
export async function recordCollectionOutcome(db: Db, accountId: string, outcome: CollectionOutcome): Promise<void> {
  const previous = await db.accountCollection.findUnique({
    where: { accountId },
    select: { failureCount: true, lastUsageAt: true },
  });
  const at = outcome.at.getTime();
  if (outcome.problem) {
    const failureCount = (previous?.failureCount ?? 0) + 1;
    const values = {
      lastFinishedAt: outcome.at,
      failureCount,
      lastProblem: outcome.problem.message,
      lastUpstreamStatus: outcome.problem.upstreamStatus,
      nextRunAt: new Date(at + backoffAfter(failureCount)),
    };
    await db.accountCollection.upsert({ where: { accountId }, create: { accountId, ...values }, update: values });
    return;
  }
  const values = {
    lastFinishedAt: outcome.at,
    lastSucceededAt: outcome.at,
    ...(outcome.usageAnswered ? { lastUsageAt: outcome.at } : {}),
    failureCount: 0,
    lastProblem: null,
    lastUpstreamStatus: null,
    nextRunAt: nextRunAfterSuccess(outcome, previous?.lastUsageAt ?? null),
  };
  await db.accountCollection.upsert({ where: { accountId }, create: { accountId, ...values }, update: values });
}

/** Accounts whose collection is due at `now` (never run, or nextRunAt passed), oldest due first. */
export async function selectAccountsDue(db: Db, now: Date, limit: number): Promise<string[]> {
  const rows = await db.account.findMany({
    where: { OR: [{ collection: null }, { collection: { nextRunAt: { lte: now } } }] },
    orderBy: { createdAt: 'asc' },
    select: { id: true },
    take: limit,
  });
  return rows.map((row) => row.id);
}

/** Whether a collection of the account is running now (started, not finished, not lost with its process). */
export function collectionRunning(state: CollectionState | null, now: Date): boolean {
  if (!state?.lastStartedAt) return false;
  if (state.lastFinishedAt && state.lastFinishedAt >= state.lastStartedAt) return false;
  return now.getTime() - state.lastStartedAt.getTime() < COLLECTION_LOST_AFTER_MS;
}
