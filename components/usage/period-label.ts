import type { DateTimeFormatOptions, useFormatter } from 'next-intl';

import type { UsagePeriod } from '@/lib/usage/usage-range';

/**
 * How a period is named on a chart and in its table, in the reader's language. The periods are counted in UTC
 * (lib/keys/usage-tally.ts): an hour is a UTC hour, which is a whole hour in the reader's zone too, so hours are named
 * in the reader's time zone; a day or a month is a UTC day or month, which starts at another hour (or the day
 * before) elsewhere, so days and months are named in UTC, and the chart says so.
 */

type Formatter = ReturnType<typeof useFormatter>;

/** The zone the tallies count days and months in. */
const COUNTED_IN = 'UTC';

const OPTIONS: Record<UsagePeriod, DateTimeFormatOptions> = {
  hour: { day: 'numeric', month: 'short', hour: '2-digit', minute: '2-digit', hourCycle: 'h23' },
  day: { day: 'numeric', month: 'short', year: 'numeric', timeZone: COUNTED_IN },
  month: { month: 'short', year: 'numeric', timeZone: COUNTED_IN },
};

export function periodLabel(format: Formatter, period: UsagePeriod, startsAt: string): string {
  return format.dateTime(new Date(startsAt), OPTIONS[period]);
}

/** The zone a period is named in (an IANA name, said beside the labels): the reader's for hours, UTC otherwise. */
export function periodZone(period: UsagePeriod, readerTimeZone: string): string {
  return period === 'hour' ? readerTimeZone : COUNTED_IN;
}
