import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { SENDSMS_BUDGET } from '@/lib/config';
import { createMemoryBudget, decideSlidingWindow } from '@/lib/sendsms/budget';

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
