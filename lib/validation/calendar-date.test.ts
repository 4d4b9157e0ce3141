import { describe, expect, it } from 'vitest';
import { calendarDate, isCalendarDate } from '@/lib/validation/calendar-date';

describe('calendarDate', () => {
  it.each([['2026-01-01'], ['2026-12-31'], ['2024-02-29'], ['2000-02-29'], ['1970-01-01']])('accepts %s', (value) => {
    expect(calendarDate.parse(value)).toBe(value);
  });

  it.each([
    ['2026-13-45'],
    ['2026-02-30'],
    ['2026-02-29'],
    ['1900-02-29'],
    ['2026-00-10'],
    ['2026-04-31'],
    ['2026-01-00'],
    ['0000-01-01'],
  ])('refuses %s, which is not on the calendar', (value) => {
    expect(isCalendarDate(value)).toBe(false);
    expect(calendarDate.safeParse(value).error?.issues[0]?.message).toMatch(/not a day on the calendar/);
  });

  it.each([['2026-1-1'], ['yesterday'], ['2026-01-01T00:00'], ['２０２６-01-01']])(
    'refuses %s, which is not YYYY-MM-DD',
    (value) => {
      expect(calendarDate.safeParse(value).error?.issues[0]?.message).toBe('must be a date as YYYY-MM-DD');
    },
  );
});
