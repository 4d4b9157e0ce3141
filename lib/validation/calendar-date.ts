import { z } from 'zod';
import { issueText } from './issue-text';

/**
 * A day as YYYY-MM-DD that exists on the calendar. The shape alone lets 2026-13-45 and 2026-02-30 through, which
 * JavaScript turns into an Invalid Date (or rolls into March) and PostgreSQL then refuses as a 500; here they are
 * refused with a sentence. Years before 1970 or after 9999 are refused too: nothing in the dashboard happened then.
 */

export function isCalendarDate(value: string): boolean {
  const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(value);
  if (!match) return false;
  const [year, month, day] = [Number(match[1]), Number(match[2]), Number(match[3])];
  if (year < 1970 || month < 1 || month > 12 || day < 1) return false;
  // Day 0 of the next month is the last day of this one (UTC, so no time zone moves it).
  return day <= new Date(Date.UTC(year, month, 0)).getUTCDate();
}

const DATE_SHAPE = /^\d{4}-\d{2}-\d{2}$/;

export const calendarDate = z
  .string()
  .trim()
  .refine((value) => DATE_SHAPE.test(value), issueText('validation.dateShape'))
  .refine(isCalendarDate, issueText('validation.dateNotOnCalendar'));
