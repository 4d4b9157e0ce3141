import { describe, expect, it } from 'vitest';
import { parseUpstreamDate } from '@/lib/sendsms/upstream-date';

const read = (value: string | number) => parseUpstreamDate(value)?.toISOString() ?? null;

describe('parseUpstreamDate', () => {
  it.each<[string, string | number, string]>([
    // 01.05.2024 is the first of May in Bucharest (summer time, UTC+3), never the 5th of January.
    ['a Romanian day', '01.05.2024', '2024-04-30T21:00:00.000Z'],
    ['a Romanian day and time', '01.05.2024 13:00', '2024-05-01T10:00:00.000Z'],
    ['a Romanian day and time with seconds', '01.05.2024 13:00:30', '2024-05-01T10:00:30.000Z'],
    ['a leap day', '29.02.2024', '2024-02-28T22:00:00.000Z'],
    ['winter time (UTC+2)', '15.01.2024 12:00', '2024-01-15T10:00:00.000Z'],
    // The last Sunday of March 2024: 02:59 is winter time, 04:00 summer time; 03:30 never happens: an hour on.
    ['the minute before the spring change', '31.03.2024 02:59', '2024-03-31T00:59:00.000Z'],
    ['the first minute of summer time', '31.03.2024 04:00', '2024-03-31T01:00:00.000Z'],
    ['a time the spring change skips', '31.03.2024 03:30', '2024-03-31T01:30:00.000Z'],
    // The last Sunday of October 2024: 03:30 happens twice; the second (winter time) is taken.
    ['a time the autumn change repeats', '27.10.2024 03:30', '2024-10-27T01:30:00.000Z'],
    ['after the autumn change', '27.10.2024 05:00', '2024-10-27T03:00:00.000Z'],
    ['ISO 8601 in UTC', '2024-05-01T10:00:00Z', '2024-05-01T10:00:00.000Z'],
    ['ISO 8601 with an offset', '2024-05-01T13:00:00+03:00', '2024-05-01T10:00:00.000Z'],
    ['ISO 8601 with milliseconds', '2024-05-01T10:00:00.250Z', '2024-05-01T10:00:00.250Z'],
    ['an ISO day and time with a space (UTC)', '2024-05-01 10:00:00', '2024-05-01T10:00:00.000Z'],
    ['an ISO day', '2024-05-01', '2024-05-01T00:00:00.000Z'],
    ['Unix seconds', 1714557600, '2024-05-01T10:00:00.000Z'],
    ['Unix seconds as text', '1714557600', '2024-05-01T10:00:00.000Z'],
    ['Unix milliseconds', 1714557600000, '2024-05-01T10:00:00.000Z'],
  ])('reads %s (%j)', (_, value, expected) => {
    expect(read(value)).toBe(expected);
  });

  it.each<string | number>([
    '31.02.2024',
    '29.02.2023',
    '01.13.2024',
    '2024-02-30',
    '2024-05-01T24:00:00Z',
    '01.05.2024 25:00',
    'yesterday',
    'May 1, 2024',
    '05/01/2024',
    '1.5.2024',
    '',
    '0',
    Number.NaN,
    -5,
  ])('says %j is unknown, without guessing', (value) => {
    expect(parseUpstreamDate(value)).toBeNull();
  });
});
