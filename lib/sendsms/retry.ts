import { isSendsmsError } from '@/lib/sendsms/errors';
import { RETRYABLE_STATUSES } from '@/lib/sendsms/status-codes';

/**
 * When a failed call is tried again: only reads (a repeat changes nothing upstream), and only for failures that
 * mean "not now": -4096, -8192 (and its -8191 spelling), a timeout, a connection that failed or was cut. Writes
 * such as token_add_ip, token_generate and token_delete are never retried: a lost answer does not mean the change
 * did not happen. The pause is "full jitter" back-off, so that many processes backing off do not retry in step.
 */

export interface RetryPolicy {
  /** Attempts in all, the first included. */
  attempts: number;
  baseDelayMs: number;
  maxDelayMs: number;
}

export const DEFAULT_RETRY_POLICY: RetryPolicy = { attempts: 3, baseDelayMs: 250, maxDelayMs: 4_000 };

export function isRetryableFailure(error: unknown): boolean {
  if (!isSendsmsError(error)) return false;
  if (error.kind === 'timeout' || error.kind === 'network') return true;
  return error.kind === 'status' && RETRYABLE_STATUSES.has(error.status);
}

/** The pause before retry number `retry` (1 for the first retry): uniformly random in [0, min(max, base·2^(retry-1))]. */
export function backoffDelayMs(policy: RetryPolicy, retry: number, random: () => number = Math.random): number {
  const ceiling = Math.min(policy.maxDelayMs, policy.baseDelayMs * 2 ** (retry - 1));
  return Math.round(random() * ceiling);
}
