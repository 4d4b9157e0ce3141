import 'server-only';
import { isAppError } from '@/lib/errors/app-error';
import { USAGE_CADENCE_MS, selectCollectionState } from '@/lib/keys/collection-state';
import type { KeyServiceDeps } from '@/lib/keys/deps';
import { refreshAccountKeys, type RefreshReport } from '@/lib/keys/refresh-service';

/**
 * One scheduled collection of one account, as the job queue runs it: usage (token_list) when a cadence has passed
 * since it last answered, then the IP lists that are due, in the order selectKeysDueForIps gives, on the background's
 * share of the budget. How it ended, and when the next is due, is written by the refresh (collection-state.ts).
 */

/** Usage is asked again a little before a full cadence has passed, so that a tick's jitter does not skip a round. */
const USAGE_DUE_SLACK_MS = 10_000;

export type CollectionResult = { collected: true; report: RefreshReport } | { collected: false; reason: string };

export async function collectAccount(
  deps: KeyServiceDeps,
  accountId: string,
  collectionId: string,
): Promise<CollectionResult> {
  const state = await selectCollectionState(deps.prisma, accountId);
  const now = deps.now().getTime();
  const usageDue = !state?.lastUsageAt || now - state.lastUsageAt.getTime() >= USAGE_CADENCE_MS - USAGE_DUE_SLACK_MS;
  try {
    const report = await refreshAccountKeys(deps, null, accountId, {
      trigger: 'background',
      usage: usageDue,
      collectionId,
    });
    return { collected: true, report };
  } catch (error) {
    // The account was removed since the job was queued: nothing to collect, and nothing to retry.
    if (isAppError(error) && error.code === 'not-found') return { collected: false, reason: 'no such account' };
    throw error;
  }
}
