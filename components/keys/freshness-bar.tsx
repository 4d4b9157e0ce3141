'use client';

import { useTranslations } from 'next-intl';

import { Button } from '@/components/ui/button';
import { RelativeTime } from '@/components/ui/relative-time';
import type { FreshnessView, PendingChangeView } from '@/lib/keys/types';
import { PendingChanges } from './pending-changes';
import { useProblemText } from './problem-text';
import { useRefreshKeys } from './use-refresh';

/** The sendSMS action that reports usage: its name, not a word to translate. */
const TOKEN_LIST = 'token_list';

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
  const t = useTranslations('keys.freshness');
  const problemText = useProblemText();
  const refresh = useRefreshKeys(accountId, keyId);
  const refreshError = refresh.error?.message ?? null;
  const busy = refresh.isPending || freshness.refreshing;
  const { progress } = refresh;
  const { collection, lastProblem } = freshness;
  return (
    <>
      <div className="grid gap-2">
        <div className="flex flex-wrap items-center gap-x-4 gap-y-1 text-sm text-zinc-600 dark:text-zinc-400">
          <span data-testid="usage-fetched">
            {t('usage')}{' '}
            {freshness.usageReported ? (
              <RelativeTime date={freshness.usageFetchedAt} prefix={t('usageFetched')} fallback={t('neverFetched')} />
            ) : (
              t('usageNotReported', { action: TOKEN_LIST })
            )}
          </span>
          <span data-testid="ips-fetched">
            {t('ipLists')}{' '}
            <RelativeTime
              date={freshness.ipsOldestFetchedAt}
              prefix={t('ipsOldestFetched')}
              fallback={t('ipsNeverFetched')}
            />
          </span>
          {collection && collection.failureCount === 0 ? (
            <span data-testid="collection-next">
              {t.rich('collected', {
                when: () => <RelativeTime date={collection.lastSucceededAt} fallback={t('notYet')} />,
              })}
            </span>
          ) : null}
          <Button variant="secondary" size="sm" onClick={() => refresh.mutate()} disabled={busy} aria-busy={busy}>
            {t(busy ? 'refreshing' : 'refresh')}
          </Button>
          {progress ? (
            <span className="inline-flex items-center gap-2" data-testid="refresh-progress">
              {/* Indeterminate while the usage is read (one call); then the IP lists, one call each. */}
              <progress
                aria-label={t('progressLabel')}
                className="h-1.5 w-24 overflow-hidden rounded-full accent-blue-600 [&::-webkit-progress-bar]:bg-zinc-200 [&::-webkit-progress-value]:bg-blue-600 dark:[&::-webkit-progress-bar]:bg-zinc-700 dark:[&::-webkit-progress-value]:bg-blue-400"
                {...(progress.step === 'ips' && progress.total > 0
                  ? { value: progress.done, max: progress.total }
                  : {})}
              />
              <span>
                {progress.step === 'ips'
                  ? t('progressIps', { done: progress.done, total: progress.total })
                  : t('progressUsage')}
              </span>
            </span>
          ) : null}
        </div>
        {/* A refresh's outcome, read once by screen readers: the notices below change with the clock too. */}
        <p role="status" className="sr-only">
          {refresh.isSuccess ? t('refreshed') : refreshError ? t('refreshFailed', { reason: refreshError }) : null}
        </p>
        {collection && collection.failureCount > 0 ? (
          <div
            role="status"
            data-testid="collection-backoff"
            className="rounded-md border border-amber-300 bg-amber-50 p-3 text-sm text-amber-900 dark:border-amber-800 dark:bg-amber-950 dark:text-amber-200"
          >
            {t.rich('backingOff', {
              count: collection.failureCount,
              problem: collection.lastProblem ? problemText(collection.lastProblem) : 'none',
              when: () => <RelativeTime date={collection.nextRunAt} />,
            })}
          </div>
        ) : null}
        {freshness.stale || refreshError ? (
          <div
            data-testid="stale-notice"
            className="rounded-md border border-amber-300 bg-amber-50 p-3 text-sm text-amber-900 dark:border-amber-800 dark:bg-amber-950 dark:text-amber-200"
          >
            <p className="font-medium">
              {freshness.usageFetchedAt
                ? t.rich('staleFrom', { when: () => <RelativeTime date={freshness.usageFetchedAt} /> })
                : t('stale')}
            </p>
            {lastProblem || refreshError ? (
              <p>
                {lastProblem
                  ? t.rich('refreshFailedAt', {
                      reason: refreshError ?? problemText(lastProblem),
                      when: () => <RelativeTime date={lastProblem.at} />,
                    })
                  : t('refreshFailed', { reason: refreshError ?? '' })}
              </p>
            ) : (
              <p>{t('tooOld', { minutes: freshness.staleAfterMinutes })}</p>
            )}
          </div>
        ) : null}
      </div>
      <PendingChanges changes={pendingChanges} />
    </>
  );
}
