import type { BudgetLimits } from '@/lib/config';
import { decideSlidingWindow } from '@/lib/sendsms/budget';

/**
 * The sandbox's side of "10 non-billable queries per minute": per account, a sliding window, in memory (this is
 * the upstream's own limiter, one per sandbox process, like one sendSMS front end). A slot is reserved before the
 * credentials are checked and released if they fail, so only accepted calls count and concurrent calls cannot
 * both take the last slot.
 */

export interface RateLimiter {
  /** A release function when a slot was free, null when the account has spent its budget. */
  reserve(accountId: number): (() => void) | null;
}

export function createRateLimiter(limits: BudgetLimits | null, now: () => number = Date.now): RateLimiter {
  if (limits === null) return { reserve: () => () => undefined };
  const startsByAccount = new Map<number, number[]>();
  return {
    reserve(accountId) {
      const time = now();
      const starts = (startsByAccount.get(accountId) ?? []).filter((start) => start > time - limits.windowMs);
      startsByAccount.set(accountId, starts);
      if (!decideSlidingWindow(starts, time, limits).granted) return null;
      starts.push(time);
      return () => {
        const index = starts.indexOf(time);
        if (index >= 0) starts.splice(index, 1);
      };
    },
  };
}
