import { dayStart, hourStart } from '@/lib/keys/usage-tally';

/**
 * The ranges the usage views offer, and the periods each is counted in: hours for a day or a week (UsageHour, kept
 * 7 days), days for a month or a quarter, months for a year (UsageDay, kept USAGE_RETENTION_MONTHS). One list feeds
 * the range picker, the queries, the CSV and the charts, so that a range means the same thing everywhere.
 */

export const USAGE_RANGES = ['24h', '7d', '30d', '90d', '12m'] as const;
export type UsageRange = (typeof USAGE_RANGES)[number];
export const DEFAULT_USAGE_RANGE: UsageRange = '30d';

export type UsagePeriod = 'hour' | 'day' | 'month';

/** A range's name is the message usage.ranges.<range> (messages/<language>/usage.json). */
interface RangeSpec {
  period: UsagePeriod;
  /** How many periods the range holds, the current one included. */
  periods: number;
}

export const RANGE_SPECS: Readonly<Record<UsageRange, RangeSpec>> = {
  '24h': { period: 'hour', periods: 24 },
  '7d': { period: 'hour', periods: 24 * 7 },
  '30d': { period: 'day', periods: 30 },
  '90d': { period: 'day', periods: 90 },
  '12m': { period: 'month', periods: 12 },
};

export interface RangeWindow {
  range: UsageRange;
  period: UsagePeriod;
  /** The start of each period, oldest first; the last one holds `now`. */
  starts: Date[];
  /** The start of the first period: uses counted from here on. */
  from: Date;
}

const HOUR_MS = 3_600_000;

export function periodStart(period: UsagePeriod, at: Date): Date {
  if (period === 'hour') return hourStart(at);
  if (period === 'day') return dayStart(at);
  return new Date(Date.UTC(at.getUTCFullYear(), at.getUTCMonth(), 1));
}

function periodsBack(period: UsagePeriod, last: Date, back: number): Date {
  if (period === 'hour') return new Date(last.getTime() - back * HOUR_MS);
  if (period === 'day') return new Date(last.getTime() - back * 24 * HOUR_MS);
  return new Date(Date.UTC(last.getUTCFullYear(), last.getUTCMonth() - back, 1));
}

export function rangeWindow(range: UsageRange, now: Date): RangeWindow {
  const { period, periods } = RANGE_SPECS[range];
  const last = periodStart(period, now);
  const starts = Array.from({ length: periods }, (_, index) => periodsBack(period, last, periods - 1 - index));
  return { range, period, starts, from: starts[0]! };
}

/** Uses per period laid on the window: a period without a row had no use. */
export function fillPeriods(window: RangeWindow, rows: ReadonlyArray<{ startsAt: Date; uses: number }>): number[] {
  const byStart = new Map(rows.map((row) => [row.startsAt.getTime(), row.uses]));
  return window.starts.map((start) => byStart.get(start.getTime()) ?? 0);
}
