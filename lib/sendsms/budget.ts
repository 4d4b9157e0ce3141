import { BACKGROUND_BUDGET_SHARE, SENDSMS_BUDGET, type BudgetLimits } from '@/lib/config';

/**
 * sendSMS allows 10 non-billable queries per minute (SENDSMS_BUDGET in lib/config.ts), per account, per key or per
 * IP: not stated, so the strictest reading we can keep, per account, is budgeted. The budget is a sliding window: a call may start only if fewer
 * than `limit` calls started in the `windowMs` before it, so no span of that length ever holds more than `limit`.
 * The window is a little longer than a minute: a call is counted when it leaves, and reaches sendSMS slightly later.
 */

export interface BudgetAccount {
  apiBaseUrl: string;
  username: string;
}

/** A refusal names the limit in force, so that the sentence the user reads says the number that decided it. */
export type BudgetDecision = { granted: true } | { granted: false; retryAfterMs: number; limit: number };

export interface CallBudget {
  /**
   * Takes one slot for a call of `action` on this account, or says how long until one frees. With `ceiling`, the
   * slot is granted only while fewer than `ceiling` calls (of anyone) are in the window: the background's share.
   */
  take(account: BudgetAccount, action: string, ceiling?: number): Promise<BudgetDecision>;
}

/** The limits a take applies: the account's limit, lowered to the caller's ceiling when it has one. */
export function limitsUnder(limits: BudgetLimits, ceiling?: number): BudgetLimits {
  return ceiling === undefined ? limits : { ...limits, limit: Math.max(1, Math.min(limits.limit, ceiling)) };
}

/**
 * The budget as the dashboard's background work sees it: the same slots, counted with everyone's calls, but only
 * `share` of them (BACKGROUND_BUDGET_SHARE), so background work never takes the last calls of a window from people.
 */
export function backgroundShare(budget: CallBudget, limits: BudgetLimits, share = BACKGROUND_BUDGET_SHARE): CallBudget {
  const ceiling = Math.floor(limits.limit * share);
  return { take: (account, action) => budget.take(account, action, ceiling) };
}

/** No budget at all: for tools that talk to a sandbox started without one (the benchmark). */
export const UNLIMITED_BUDGET: CallBudget = { take: async () => ({ granted: true }) };

/**
 * The sliding window itself, over a sorted list of start times: the rule both budgets (this process's and the
 * one kept in Postgres) apply, kept pure so it can be checked exhaustively.
 */
export function decideSlidingWindow(startTimes: readonly number[], now: number, limits: BudgetLimits): BudgetDecision {
  const inWindow = startTimes.filter((time) => time > now - limits.windowMs);
  if (inWindow.length < limits.limit) return { granted: true };
  // The slot frees when the oldest call still counted leaves the window; with `limit` or more counted, that is
  // the (count - limit + 1)-th oldest.
  const freeing = inWindow[inWindow.length - limits.limit]!;
  return { granted: false, retryAfterMs: Math.max(1, freeing + limits.windowMs - now + 1), limit: limits.limit };
}

/** A budget for one process only: for tests and tools. The dashboard uses the Postgres one (budget-postgres.ts). */
export function createMemoryBudget(limits: BudgetLimits = SENDSMS_BUDGET, now: () => number = Date.now): CallBudget {
  const startsByAccount = new Map<string, number[]>();
  return {
    async take(account, _action, ceiling) {
      const key = `${account.apiBaseUrl}\n${account.username}`;
      const time = now();
      const starts = (startsByAccount.get(key) ?? []).filter((start) => start > time - limits.windowMs);
      const decision = decideSlidingWindow(starts, time, limitsUnder(limits, ceiling));
      if (decision.granted) starts.push(time);
      startsByAccount.set(key, starts);
      return decision;
    },
  };
}
