import type { UsagePeriod } from '@/lib/usage/usage-range';

/** How a period is named on a chart and in its table, in UTC (the periods are UTC hours, days and months). */

const FORMATS: Record<UsagePeriod, Intl.DateTimeFormat> = {
  hour: new Intl.DateTimeFormat('en-GB', {
    day: 'numeric',
    month: 'short',
    hour: '2-digit',
    minute: '2-digit',
    timeZone: 'UTC',
  }),
  day: new Intl.DateTimeFormat('en-GB', { day: 'numeric', month: 'short', year: 'numeric', timeZone: 'UTC' }),
  month: new Intl.DateTimeFormat('en-GB', { month: 'short', year: 'numeric', timeZone: 'UTC' }),
};

export function periodLabel(period: UsagePeriod, startsAt: string): string {
  return FORMATS[period].format(new Date(startsAt));
}

export const PERIOD_NAMES: Record<UsagePeriod, string> = { hour: 'hour', day: 'day', month: 'month' };
