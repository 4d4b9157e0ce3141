import type { Locale } from '@/i18n/locales';
import type { AnonymousRefusalRow, AuditLine, AuditRow } from '@/lib/audit-log/audit-row';
import { anonymousRefusalDetails, eventDetails, eventIds } from '@/lib/audit-log/event-details';
import { anonymousRefusalSentence, eventSentence } from '@/lib/audit-log/event-sentence';

/**
 * The lines of the audit log: each event, and each minute of refused requests without a session, as a sentence
 * with its outcome and details, merged newest first, in the reader's language (the caller says which). Pure, so that
 * the page, the API and the CSV read the same lines.
 */

export function eventLine(row: AuditRow, locale: Locale): AuditLine {
  return {
    kind: 'event',
    key: `event-${row.id}`,
    occurredAt: row.occurredAt,
    sentence: eventSentence(row, locale),
    outcome: row.outcome,
    details: eventDetails(row, locale),
    ids: eventIds(row, locale),
    event: row,
  };
}

export function anonymousRefusalLine(row: AnonymousRefusalRow, locale: Locale): AuditLine {
  return {
    kind: 'anonymous_refusals',
    key: `refusals-${row.sourceIp}-${row.minute}`,
    occurredAt: row.minute,
    sentence: anonymousRefusalSentence(row, locale),
    outcome: 'denied',
    details: anonymousRefusalDetails(row, locale),
    ids: [],
    refusals: row,
  };
}

/**
 * Both kinds newest first. Each list comes newest first already; at the same instant an event goes before the
 * minute's count (the minute's time is its start, so the event happened within it, after that instant or at it).
 */
export function mergeNewestFirst(
  events: readonly AuditRow[],
  refusals: readonly AnonymousRefusalRow[],
  locale: Locale,
): AuditLine[] {
  const lines: AuditLine[] = [];
  let e = 0;
  let r = 0;
  while (e < events.length || r < refusals.length) {
    const event = events[e];
    const refusal = refusals[r];
    if (event && (!refusal || Date.parse(event.occurredAt) >= Date.parse(refusal.minute))) {
      lines.push(eventLine(event, locale));
      e++;
    } else if (refusal) {
      lines.push(anonymousRefusalLine(refusal, locale));
      r++;
    }
  }
  return lines;
}
