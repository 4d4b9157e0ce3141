import type { FreshnessView, PendingChangeView } from '@/lib/keys/types';

/**
 * How often the keys list and the key page look again, so that new last-used times, use counts, lock states and
 * refused calls show without a click. TanStack Query polls only while the tab is visible (refetchIntervalInBackground
 * is off), and a poll that brings back what is shown changes nothing on screen (structural sharing): the page redraws
 * only when the account's data moved. The list's answer comes from the server's page cache while the account's keys
 * version stands still, so a poll is one small database read.
 *
 * Sooner while a refresh runs (its result is seconds away) or a change's outcome is being checked.
 */
export const POLL_INTERVAL_MS = 15_000;

export function keysPollInterval(data: { freshness: FreshnessView; pendingChanges: PendingChangeView[] } | undefined) {
  if (data?.freshness.refreshing) return 2_000;
  if (data?.pendingChanges.length) return 10_000;
  return POLL_INTERVAL_MS;
}
