import { z } from 'zod';
import { isRefreshing } from '@/lib/keys/background-refresh';
import { collectionRunning, selectCollectionState } from '@/lib/keys/collection-state';
import { problemOfMessage } from '@/lib/keys/refresh-problem';
import {
  selectAccountFreshness,
  selectLastRefreshFailure,
  type AccountFreshnessRecord,
  type Db,
} from '@/lib/keys/repository';
import type { CollectionView, FreshnessView, RefreshProblem } from '@/lib/keys/types';

/**
 * How old the list's parts are, and whether the page must say it shows the last known state. Stale when the last
 * refresh failed after the newest data was fetched, or when the usage is older than STALE_AFTER_MS.
 */

export const STALE_AFTER_MS = 15 * 60_000;

const problemParams = z.looseObject({
  part: z.enum(['usage', 'ips']).catch('usage'),
  // Null when the row says nothing readable about why: the page then says only that the refresh failed.
  message: z.string().nullable().catch(null),
});

export interface AccountFreshness extends FreshnessView {
  hasKeys: boolean;
}

export interface FreshnessOptions {
  usageReported: boolean;
  now: Date;
  /** The fetch times, when the caller has them already (the keys list keeps them with its pages). */
  fetched?: AccountFreshnessRecord;
}

export async function accountFreshness(
  db: Db,
  accountId: string,
  options: FreshnessOptions,
): Promise<AccountFreshness> {
  const [fetched, state] = await Promise.all([
    options.fetched ?? selectAccountFreshness(db, accountId),
    selectCollectionState(db, accountId),
  ]);
  const newest = [fetched.usageFetchedAt, fetched.ipsNewestFetchedAt]
    .filter((date): date is Date => date !== null)
    .sort((a, b) => b.getTime() - a.getTime())[0];
  const failure = await selectLastRefreshFailure(db, accountId, newest ?? new Date(0));
  let lastProblem: RefreshProblem | null = null;
  if (failure) {
    const params = problemParams.safeParse(failure.params);
    lastProblem = {
      part: params.success ? params.data.part : 'usage',
      // The audit row keeps the English: read back into a condition the page words (lib/keys/refresh-problem.ts).
      ...problemOfMessage(params.success ? params.data.message : null),
      at: failure.occurredAt.toISOString(),
      upstreamStatus: failure.upstreamStatus,
    };
  }
  const usageAge = fetched.usageFetchedAt
    ? options.now.getTime() - fetched.usageFetchedAt.getTime()
    : Number.POSITIVE_INFINITY;
  return {
    usageFetchedAt: fetched.usageFetchedAt?.toISOString() ?? null,
    usageReported: options.usageReported,
    ipsOldestFetchedAt: fetched.ipsOldestFetchedAt?.toISOString() ?? null,
    ipsNewestFetchedAt: fetched.ipsNewestFetchedAt?.toISOString() ?? null,
    lastProblem,
    stale: lastProblem !== null || (options.usageReported && fetched.hasKeys && usageAge > STALE_AFTER_MS),
    staleAfterMinutes: STALE_AFTER_MS / 60_000,
    refreshing: isRefreshing(accountId) || collectionRunning(state, options.now),
    collection: state
      ? ({
          nextRunAt: state.nextRunAt.toISOString(),
          failureCount: state.failureCount,
          lastProblem: state.lastProblem === null ? null : problemOfMessage(state.lastProblem),
          lastSucceededAt: state.lastSucceededAt?.toISOString() ?? null,
          running: collectionRunning(state, options.now),
        } satisfies CollectionView)
      : null,
    hasKeys: fetched.hasKeys,
  };
}

export function toFreshnessView(freshness: AccountFreshness): FreshnessView {
  return {
    usageFetchedAt: freshness.usageFetchedAt,
    usageReported: freshness.usageReported,
    ipsOldestFetchedAt: freshness.ipsOldestFetchedAt,
    ipsNewestFetchedAt: freshness.ipsNewestFetchedAt,
    lastProblem: freshness.lastProblem,
    stale: freshness.stale,
    staleAfterMinutes: freshness.staleAfterMinutes,
    refreshing: freshness.refreshing,
    collection: freshness.collection,
  };
}
