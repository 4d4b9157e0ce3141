import { z } from 'zod';
import { calendarDate } from '@/lib/validation/calendar-date';
import { idOf, plainText } from '@/lib/validation/text';

/**
 * The audit log's filter, as the URL carries it (so a filtered view can be shared and exported as CSV with the same
 * rows). The form picks the user, account, key and action by name from lists; the URL holds their ids, and `actor`
 * also takes part of an email (a sign-in by an address that is nobody's).
 */

/** An empty field in the filter form is no filter. */
const blankIsAbsent = (value: unknown) => (typeof value === 'string' && value.trim() === '' ? undefined : value);
const optionalText = z.preprocess(blankIsAbsent, plainText({ max: 200 }).trim().optional());
const optionalId = (what: string) => z.preprocess(blankIsAbsent, idOf(what).optional());
const optionalDate = z.preprocess(blankIsAbsent, calendarDate.optional());

/** How an event ended, as lib/audit/record.ts writes it. */
export const AUDIT_OUTCOMES = ['success', 'failure', 'denied'] as const;

export const auditFilterSchema = z.object({
  actor: optionalText,
  accountId: optionalId('an account'),
  keyId: optionalId('a key'),
  action: optionalText,
  // zod's own refusal, said in the reader's language by the error mapper ("Choose one of: success, failure, denied.").
  outcome: z.preprocess(blankIsAbsent, z.enum(AUDIT_OUTCOMES).optional()),
  from: optionalDate,
  to: optionalDate,
  page: z.preprocess(
    (value) => (value === '' || value === undefined ? undefined : value),
    z.coerce.number().int().min(1).max(100_000).default(1),
  ),
});

export type AuditFilter = z.infer<typeof auditFilterSchema>;

export const AUDIT_PAGE_SIZE = 50;
export const AUDIT_EXPORT_LIMIT = 10_000;
/**
 * The most minutes of refused requests without a session one page shows among its events (a flood from many
 * addresses could otherwise make a page of thousands of lines); the page says how many more there were.
 */
export const AUDIT_REFUSALS_PER_PAGE = 200;
