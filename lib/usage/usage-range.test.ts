import { describe, expect, it } from 'vitest';
import { fillPeriods, rangeWindow } from '@/lib/usage/usage-range';

const now = new Date('2026-12-05T14:37:12Z');

describe('rangeWindow', () => {
  it('counts a day in 24 hours, the current hour last', () => {
    const window = rangeWindow('24h', now);
    expect(window.period).toBe('hour');
    expect(window.starts).toHaveLength(24);
    expect(window.starts.at(-1)!.toISOString()).toBe('2026-12-05T14:00:00.000Z');
    expect(window.from.toISOString()).toBe('2026-12-04T15:00:00.000Z');
  });

  it('counts 30 days in UTC days, today last', () => {
    const window = rangeWindow('30d', now);
    expect(window.starts).toHaveLength(30);
    expect(window.starts.at(-1)!.toISOString()).toBe('2026-12-05T00:00:00.000Z');
    expect(window.from.toISOString()).toBe('2026-11-06T00:00:00.000Z');
  });

  it('counts 12 months in calendar months across a year end', () => {
    const window = rangeWindow('12m', now);
    expect(window.starts).toHaveLength(12);
    expect(window.from.toISOString()).toBe('2026-01-01T00:00:00.000Z');
    expect(window.starts.at(-1)!.toISOString()).toBe('2026-12-01T00:00:00.000Z');
    expect(rangeWindow('12m', new Date('2027-02-10T00:00:00Z')).from.toISOString()).toBe('2026-03-01T00:00:00.000Z');
  });
});

describe('fillPeriods', () => {
  it('puts each row in its period and zero where there was none', () => {
    const window = rangeWindow('24h', now);
    const uses = fillPeriods(window, [
      { startsAt: new Date('2026-12-05T14:00:00Z'), uses: 7 },
      { startsAt: new Date('2026-12-04T15:00:00Z'), uses: 2 },
      { startsAt: new Date('2026-12-01T00:00:00Z'), uses: 99 },
    ]);
    expect(uses[0]).toBe(2);
    expect(uses.at(-1)).toBe(7);
    expect(uses.reduce((sum, value) => sum + value, 0)).toBe(9);
  });
});
