import { describe, expect, it } from 'vitest';
import { monthsBefore } from '@/lib/usage/retention';

describe('monthsBefore (where the daily uses stop being kept)', () => {
  it('is UTC midnight of the same day, that many months back', () => {
    expect(monthsBefore(new Date('2026-12-05T12:34:56Z'), 13)).toEqual(new Date('2025-11-05T00:00:00Z'));
    expect(monthsBefore(new Date('2026-12-05T00:00:00Z'), 1)).toEqual(new Date('2026-11-05T00:00:00Z'));
    expect(monthsBefore(new Date('2026-01-15T23:59:59Z'), 1)).toEqual(new Date('2025-12-15T00:00:00Z'));
    expect(monthsBefore(new Date('2026-06-30T08:00:00Z'), 120)).toEqual(new Date('2016-06-30T00:00:00Z'));
  });

  it('clamps to the end of a shorter month instead of running into the next one', () => {
    // 31 March less one month is 28 February (3 March would drop three days still within the month).
    expect(monthsBefore(new Date('2026-03-31T12:00:00Z'), 1)).toEqual(new Date('2026-02-28T00:00:00Z'));
    expect(monthsBefore(new Date('2028-03-31T12:00:00Z'), 1)).toEqual(new Date('2028-02-29T00:00:00Z'));
    expect(monthsBefore(new Date('2026-03-31T12:00:00Z'), 13)).toEqual(new Date('2025-02-28T00:00:00Z'));
    expect(monthsBefore(new Date('2026-12-31T12:00:00Z'), 1)).toEqual(new Date('2026-11-30T00:00:00Z'));
  });

  it('never goes back less than the months asked for', () => {
    for (let day = 1; day <= 31; day += 1) {
      const now = new Date(Date.UTC(2026, 2, day, 12));
      const before = monthsBefore(now, 1);
      // Everything from `before` on is kept: at least every day of February that is a month old or less.
      expect(before.getUTCMonth()).toBe(1);
      expect(before.getUTCDate()).toBe(Math.min(day, 28));
    }
  });
});
