import type { Formats } from 'next-intl';

/**
 * Named formats, so that a time reads the same on every page: `format.dateTime(date, 'exact')`. The locale and the
 * time zone come from the request (i18n/server/request.ts), never from here.
 */
export const FORMATS = {
  dateTime: {
    /** "Dec 4, 2026, 15:23:20" / "4 dec. 2026, 15:23:20": where the zone is said beside it or does not matter. */
    exact: {
      day: 'numeric',
      month: 'short',
      year: 'numeric',
      hour: '2-digit',
      minute: '2-digit',
      second: '2-digit',
      hourCycle: 'h23',
    },
    /** The same with the zone ("… EET"): the audit log and the date an IP was added, where an exact time matters. */
    exactWithZone: {
      day: 'numeric',
      month: 'short',
      year: 'numeric',
      hour: '2-digit',
      minute: '2-digit',
      second: '2-digit',
      hourCycle: 'h23',
      timeZoneName: 'short',
    },
    /** "Dec 4, 2026" / "4 dec. 2026". */
    date: { day: 'numeric', month: 'short', year: 'numeric' },
  },
} as const satisfies Formats;
