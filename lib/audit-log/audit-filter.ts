import { z } from 'zod';
import { calendarDate } from '@/lib/validation/calendar-date';
import { idOf, plainText } from '@/lib/validation/text';

/**
 * The audit log's filter, as the URL carries it (so a filtered view can be shared and exported as CSV with the same
 * rows), and the row the page, the API and the export show.
 */

/** An empty field in the filter form is no filter. */
const blankIsAbsent = (value: unknown) => (typeof value === 'string' && value.trim() === '' ? undefined : value);
const optionalText = z.preprocess(blankIsAbsent, plainText({ max: 200 }).trim().optional());
const optionalId = (what: string) => z.preprocess(blankIsAbsent, idOf(what).optional());
const optionalDate = z.preprocess(blankIsAbsent, calendarDate.optional());

export const auditFilterSchema = z.object({
  actor: optionalText,
  accountId: optionalId('an account'),
  keyId: optionalId('a key'),
  action: optionalText,
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

export interface AuditRow {
  id: string;
  occurredAt: string;
  actorEmail: string | null;
  actorRole: string | null;
  accountId: string | null;
  keyId: string | null;
  action: string;
  outcome: string;
  params: unknown;
  upstreamStatus: number | null;
  sourceIp: string | null;
  userAgent: string | null;
}
