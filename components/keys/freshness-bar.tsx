'use client';

import { Button } from '@/components/ui/button';
import { RelativeTime } from '@/components/ui/relative-time';
import type { FreshnessView } from '@/lib/keys/types';

/**
 * When each part of what is shown was last fetched from sendSMS, a refresh, and, when the last refresh failed or
 * the data is old, a notice that the page shows the last known state and how old it is.
 */
export function FreshnessBar({
  freshness,
  onRefresh,
  refreshing,
  refreshError,
}: {
  freshness: FreshnessView;
  onRefresh: () => void;
  refreshing: boolean;
  refreshError: string | null;
}) {
  const busy = refreshing || freshness.refreshing;
  return (
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
        <Button variant="secondary" size="sm" onClick={onRefresh} disabled={busy} aria-busy={busy}>
          {busy ? 'Refreshing…' : 'Refresh'}
        </Button>
      </div>
      {freshness.stale || refreshError ? (
        <div
          role="status"
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
  );
}
