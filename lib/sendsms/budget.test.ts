import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { SENDSMS_BUDGET } from '@/lib/config';
import { backgroundShare, createMemoryBudget, decideSlidingWindow, limitsUnder } from '@/lib/sendsms/budget';

const account = { apiBaseUrl: 'http://upstream/json', username: 'shop' };

describe('the sliding-window budget', () => {
  it('never grants more than the limit in any window-long span, whatever the timing', async () => {
    await fc.assert(
      fc.asyncProperty(fc.array(fc.integer({ min: 0, max: 5_000 }), { minLength: 1, maxLength: 60 }), async (gaps) => {
        const limits = { limit: 10, windowMs: 60_000 };
        let now = 0;
        const budget = createMemoryBudget(limits, () => now);
        const granted: number[] = [];
        for (const gap of gaps) {
          now += gap;
          const decision = await budget.take(account, 'user_get_balance');
          if (decision.granted) granted.push(now);
          else {
            expect(decision.retryAfterMs).toBeGreaterThan(0);
            // Waiting as long as it says must be enough.
            const later = now + decision.retryAfterMs;
            expect(decideSlidingWindow(granted, later, limits).granted).toBe(true);
          }
        }
        for (const start of granted)
          expect(granted.filter((time) => time >= start && time < start + limits.windowMs).length).toBeLessThanOrEqual(
            limits.limit,
          );
      }),
    );
  });

  it('grants ten calls a minute per account, then says when the next may go', async () => {
    let now = 1_000_000;
    const budget = createMemoryBudget(SENDSMS_BUDGET, () => now);
    for (let call = 0; call < 10; call += 1)
      expect(await budget.take(account, 'token_list_ips')).toEqual({ granted: true });
    const refused = await budget.take(account, 'token_list_ips');
    expect(refused).toMatchObject({ granted: false });
    expect(await budget.take({ ...account, username: 'other' }, 'token_list_ips')).toEqual({ granted: true });
    now += refused.granted ? 0 : refused.retryAfterMs;
    expect(await budget.take(account, 'token_list_ips')).toEqual({ granted: true });
  });
});

describe("the background's share of the budget", () => {
  it('stops background calls at 7 of 10 in the window, and leaves the other 3 to people', async () => {
    let now = 1_000_000;
    const shared = createMemoryBudget(SENDSMS_BUDGET, () => now);
    const background = backgroundShare(shared, SENDSMS_BUDGET);
    for (let call = 0; call < 7; call += 1)
      expect(await background.take(account, 'token_list_ips')).toEqual({ granted: true });
    const deferred = await background.take(account, 'token_list_ips');
    expect(deferred).toMatchObject({ granted: false, limit: 7 });
    for (let call = 0; call < 3; call += 1)
      expect(await shared.take(account, 'token_list_ips')).toEqual({ granted: true });
    expect(await shared.take(account, 'token_list_ips')).toMatchObject({ granted: false, limit: 10 });
    // People's calls count against the background too: with 3 of theirs in the window, it gets only 4.
    now += SENDSMS_BUDGET.windowMs + 1;
    for (let call = 0; call < 3; call += 1) await shared.take(account, 'user_get_balance');
    let granted = 0;
    while ((await background.take(account, 'token_list_ips')).granted) granted += 1;
    expect(granted).toBe(4);
  });

  it('leaves the background at least one call a minute however small the budget', () => {
    expect(limitsUnder({ limit: 1, windowMs: 61_000 }, Math.floor(1 * 0.7))).toEqual({ limit: 1, windowMs: 61_000 });
  });
});
