/**
 * A date as sendSMS writes it in an answer (a key's creation, its last use, when an IP was added), read in one place.
 * Accepted, and nothing else:
 *   Unix time: a number, or 9 to 13 digits as text (seconds; milliseconds from 10^12 up);
 *   ISO 8601: 2024-05-01, 2024-05-01T10:00:00Z, 2024-05-01T13:00:00+03:00, and "2024-05-01 10:00[:00]" (read as UTC,
 *             as is an ISO time without a zone);
 *   Romanian: 01.05.2024, 01.05.2024 13:00, 01.05.2024 13:00:00: day first, read as the time in Bucharest
 *             (Europe/Bucharest, with summer time).
 * Any other text, or a day that is not on the calendar (31.02.2024), is unknown (null): never guessed by
 * `new Date(text)`, which reads 01.05.2024 as the 5th of January.
 */

export const SENDSMS_TIME_ZONE = 'Europe/Bucharest';

const ISO = /^(\d{4})-(\d{2})-(\d{2})(?:[T ](\d{2}):(\d{2})(?::(\d{2})(?:\.(\d{1,9}))?)?(Z|[+-]\d{2}:?\d{2})?)?$/i;
const ROMANIAN = /^(\d{2})\.(\d{2})\.(\d{4})(?: (\d{2}):(\d{2})(?::(\d{2}))?)?$/;

export function parseUpstreamDate(value: string | number): Date | null {
  if (typeof value === 'number') return fromUnix(value);
  const text = value.trim();
  if (/^\d{9,13}$/.test(text)) return fromUnix(Number(text));
  const iso = ISO.exec(text);
  if (iso) {
    const [, year, month, day, hour, minute, second, fraction, zone] = iso;
    const wall = wallClock(year!, month!, day!, hour, minute, second, fraction);
    return wall === null ? null : valid(wall - zoneOffsetMs(zone));
  }
  const romanian = ROMANIAN.exec(text);
  if (romanian) {
    const [, day, month, year, hour, minute, second] = romanian;
    const wall = wallClock(year!, month!, day!, hour, minute, second, undefined);
    return wall === null ? null : valid(bucharestToUtc(wall));
  }
  return null;
}

function fromUnix(value: number): Date | null {
  return Number.isFinite(value) && value > 0 ? valid(value < 1e12 ? value * 1000 : value) : null;
}

function valid(ms: number): Date | null {
  const date = new Date(ms);
  return Number.isNaN(date.getTime()) ? null : date;
}

/** The wall-clock time as if it were UTC, or null when a part is off the calendar or the clock. */
function wallClock(
  year: string,
  month: string,
  day: string,
  hour = '0',
  minute = '0',
  second = '0',
  fraction = '',
): number | null {
  const parts = [year, month, day, hour, minute, second].map(Number) as [
    number,
    number,
    number,
    number,
    number,
    number,
  ];
  const [y, mo, d, h, mi, s] = parts;
  if (mo < 1 || mo > 12 || d < 1 || h > 23 || mi > 59 || s > 59) return null;
  const ms = Date.UTC(y, mo - 1, d, h, mi, s, Number(fraction.padEnd(3, '0').slice(0, 3)));
  // Date.UTC rolls 31.02 over into March: a day that rolled over is not on the calendar.
  return new Date(ms).getUTCDate() === d ? ms : null;
}

/** An ISO zone designator as an offset from UTC ("+03:00" → 3 h); no designator is UTC. */
function zoneOffsetMs(zone: string | undefined): number {
  if (!zone || zone.toUpperCase() === 'Z') return 0;
  const digits = zone.replace(':', '');
  const sign = digits.startsWith('-') ? -1 : 1;
  return sign * (Number(digits.slice(1, 3)) * 60 + Number(digits.slice(3, 5))) * 60_000;
}

const bucharest = new Intl.DateTimeFormat('en-US', {
  timeZone: SENDSMS_TIME_ZONE,
  hourCycle: 'h23',
  year: 'numeric',
  month: '2-digit',
  day: '2-digit',
  hour: '2-digit',
  minute: '2-digit',
  second: '2-digit',
});

/** How far Bucharest's clock is ahead of UTC at an instant (2 h in winter, 3 h in summer), as Intl knows it. */
function bucharestOffsetAt(utcMs: number): number {
  const part = (type: Intl.DateTimeFormatPartTypes) =>
    Number(bucharest.formatToParts(new Date(utcMs)).find((piece) => piece.type === type)?.value);
  const wall = Date.UTC(part('year'), part('month') - 1, part('day'), part('hour'), part('minute'), part('second'));
  return wall - Math.floor(utcMs / 1000) * 1000;
}

/**
 * The instant a Bucharest wall-clock time names. The offset is looked up twice: first near the time, then at the
 * instant that gives, so a time just after a change of clocks gets the offset in force then. A time the spring
 * change skips (03:30 on the last Sunday of March) lands an hour on; one the autumn change repeats, on its second (winter time).
 */
function bucharestToUtc(wall: number): number {
  const first = wall - bucharestOffsetAt(wall);
  return wall - bucharestOffsetAt(first);
}
