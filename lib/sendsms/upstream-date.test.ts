import { describe, expect, it } from 'vitest';
import { parseUpstreamDate } from '@/lib/sendsms/upstream-date';

const iso = (value: string | number) => parseUpstreamDate(value)?.toISOString() ?? null;

describe('parseUpstreamDate', () => {
  it('reads 01.05.2024 as the first of May in Bucharest (summer time, UTC+3), not the 5th of January', () => {
    expect(iso('01.05.2024')).toBe('2024-04-30T21:00:00.000Z');
    expect(iso('01.05.2024 13:00')).toBe('2024-05-01T10:00:00.000Z');
    expect(iso('01.05.2024 13:00:30')).toBe('2024-05-01T10:00:30.000Z');
  });

  it('reads a Romanian date in winter at UTC+2, and follows the changes of clocks', () => {
    expect(iso('15.01.2024 12:00')).toBe('2024-01-15T10:00:00.000Z');
    // The last Sunday of March 2024: 02:59 is winter time, 04:00 summer time; 03:30 does not exist and lands an hour on.
    expect(iso('31.03.2024 02:59')).toBe('2024-03-31T00:59:00.000Z');
    expect(iso('31.03.2024 04:00')).toBe('2024-03-31T01:00:00.000Z');
    expect(iso('31.03.2024 03:30')).toBe('2024-03-31T01:30:00.000Z');
    // The last Sunday of October 2024: 03:30 happens twice; the second (winter time) is taken.
    expect(iso('27.10.2024 03:30')).toBe('2024-10-27T01:30:00.000Z');
    expect(iso('27.10.2024 05:00')).toBe('2024-10-27T03:00:00.000Z');
  });

  it('keeps reading ISO 8601 and Unix time as before', () => {
    expect(iso('2024-05-01T10:00:00Z')).toBe('2024-05-01T10:00:00.000Z');
    expect(iso('2024-05-01T13:00:00+03:00')).toBe('2024-05-01T10:00:00.000Z');
    expect(iso('2024-05-01T10:00:00.250Z')).toBe('2024-05-01T10:00:00.250Z');
    expect(iso('2024-05-01 10:00:00')).toBe('2024-05-01T10:00:00.000Z');
    expect(iso('2024-05-01')).toBe('2024-05-01T00:00:00.000Z');
    expect(iso(1714557600)).toBe('2024-05-01T10:00:00.000Z');
    expect(iso('1714557600')).toBe('2024-05-01T10:00:00.000Z');
    expect(iso(1714557600000)).toBe('2024-05-01T10:00:00.000Z');
  });

  it('says unknown for a day off the calendar, a time off the clock, and any other text', () => {
    for (const text of [
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
    ]) {
      expect(parseUpstreamDate(text), text).toBeNull();
    }
    expect(iso('29.02.2024')).toBe('2024-02-28T22:00:00.000Z');
    expect(parseUpstreamDate(Number.NaN)).toBeNull();
    expect(parseUpstreamDate(-5)).toBeNull();
  });
});
