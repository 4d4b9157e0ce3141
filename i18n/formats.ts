import type { Formats } from 'next-intl';

/**
 * Named formats, so that a time reads the same on every page: `format.dateTime(date, 'exact')`. The locale and the
 * time zone come from the request (i18n/server/request.ts), never from here.
 */

/** "Dec 4, 2026" / "4 dec. 2026". */
const DATE = { day: 'numeric', month: 'short', year: 'numeric' } as const;
/** "Dec 4, 2026, 15:23:20" / "4 dec. 2026, 15:23:20": where the zone is said beside it or does not matter. */
const EXACT = { ...DATE, hour: '2-digit', minute: '2-digit', second: '2-digit', hourCycle: 'h23' } as const;

export const FORMATS = {
  dateTime: {
    exact: EXACT,
    /** The same with the zone ("… EET"): the audit log and the date an IP was added, where an exact time matters. */
    exactWithZone: { ...EXACT, timeZoneName: 'short' },
    date: DATE,
  },
} as const satisfies Formats;
