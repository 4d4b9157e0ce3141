'use client';

import { Button } from '@/components/ui/button';
import { RelativeTime } from '@/components/ui/relative-time';
import type { FreshnessView, PendingChangeView } from '@/lib/keys/types';
import { PendingChanges } from './pending-changes';
import { useRefreshKeys } from './use-refresh';

/**
 * When each part of what is shown was last fetched from sendSMS, a refresh, and, when the last refresh failed or
 * the data is old, a notice that the page shows the last known state and how old it is; then the changes whose
 * outcome is still being checked. The refresh is of the account's keys, or of one key when keyId is given.
 */
export function FreshnessBar({
  freshness,
  pendingChanges,
  accountId,
  keyId,
}: {
  freshness: FreshnessView;
  pendingChanges: PendingChangeView[];
  accountId: string;
  keyId?: string;
}) {
  const refresh = useRefreshKeys(accountId, keyId);
  const refreshError = refresh.error?.message ?? null;
  const busy = refresh.isPending || freshness.refreshing;
  return (
    <>
      <div className="grid gap-2">
        <div className="flex flex-wrap items-center gap-x-4 gap-y-1 text-sm text-zinc-600 dark:text-zinc-400">
          <span data-testid="usage-fetched">
            Usage:{' '}
            {freshness.usageReported ? (
              <RelativeTime date={freshness.usageFetchedAt} prefix="fetched " fallback="never fetched" />
            ) : (
              'not reported by the API (this account has no token_list)'
            )}
          </span>
          <span data-testid="ips-fetched">
            IP lists:{' '}
            <RelativeTime date={freshness.ipsOldestFetchedAt} prefix="oldest fetched " fallback="never fetched" />
          </span>
          {freshness.collection && freshness.collection.failureCount === 0 ? (
            <span data-testid="collection-next">
              Collected on a schedule, last{' '}
              <RelativeTime date={freshness.collection.lastSucceededAt} fallback="not yet" />
            </span>
          ) : null}
          <Button variant="secondary" size="sm" onClick={() => refresh.mutate()} disabled={busy} aria-busy={busy}>
            {busy ? 'Refreshing…' : 'Refresh'}
          </Button>
        </div>
        {/* A refresh's outcome, read once by screen readers: the notices below change with the clock too. */}
        <p role="status" className="sr-only">
          {refresh.isSuccess ? 'Refreshed from sendSMS.' : refreshError ? `The refresh failed: ${refreshError}` : ''}
        </p>
        {freshness.collection && freshness.collection.failureCount > 0 ? (
          <div
            role="status"
            data-testid="collection-backoff"
            className="rounded-md border border-amber-300 bg-amber-50 p-3 text-sm text-amber-900 dark:border-amber-800 dark:bg-amber-950 dark:text-amber-200"
          >
            The scheduled collection is backing off: the last{' '}
            {freshness.collection.failureCount === 1
              ? 'collection'
              : `${freshness.collection.failureCount} collections`}{' '}
            failed{freshness.collection.lastProblem ? ` (${freshness.collection.lastProblem})` : ''}, so sendSMS is
            asked less often until it answers. Next try <RelativeTime date={freshness.collection.nextRunAt} />; Refresh
            asks now.
          </div>
        ) : null}
        {freshness.stale || refreshError ? (
          <div
            data-testid="stale-notice"
            className="rounded-md border border-amber-300 bg-amber-50 p-3 text-sm text-amber-900 dark:border-amber-800 dark:bg-amber-950 dark:text-amber-200"
          >
            <p className="font-medium">
              Showing the last known state
              {freshness.usageFetchedAt ? (
                <>
                  {' '}
                  from <RelativeTime date={freshness.usageFetchedAt} />
                </>
              ) : null}
              : nothing cached was lost.
            </p>
            {freshness.lastProblem || refreshError ? (
              <p>
                The last refresh failed
                {freshness.lastProblem ? (
                  <>
                    {' '}
                    (<RelativeTime date={freshness.lastProblem.at} />)
                  </>
                ) : null}
                : {refreshError ?? freshness.lastProblem?.message}
              </p>
            ) : (
              <p>The data is more than {freshness.staleAfterMinutes} minutes old.</p>
            )}
          </div>
        ) : null}
      </div>
      <PendingChanges changes={pendingChanges} />
    </>
  );
}
