import type { Locale } from '@/i18n/locales';
import type { AuditLine } from '@/lib/audit-log/audit-row';
import { auditWords } from '@/lib/audit-log/audit-words';
import { ANONYMOUS_REFUSALS_ACTION, outcomeName } from '@/lib/audit-log/event-sentence';
import { csvCell } from '@/lib/csv/csv-cell';
import type { Messages } from '@/messages';

/**
 * The audit log as RFC 4180 CSV (cells through csvCell), in the page's words and the reader's language: the header,
 * each line's sentence, outcome and details, the names of the user, account and key, and their ids in the last
 * columns for support tickets. Times stay ISO 8601 in UTC, and actions and roles as stored: a spreadsheet sorts and
 * filters on them.
 */

type Column = keyof Messages['audit']['csv'];

const COLUMNS: Array<[header: Column, value: (line: AuditLine, locale: Locale) => unknown]> = [
  ['occurred_at', (line) => line.occurredAt],
  ['event', (line) => line.sentence],
  ['outcome', (line, locale) => outcomeName(line.outcome, locale)],
  ['user', (line) => line.event?.actor?.name ?? null],
  ['email', (line) => line.event?.actor?.email ?? line.event?.actorEmail ?? null],
  ['role', (line) => line.event?.actorRole ?? null],
  ['account', (line) => line.event?.account?.label ?? null],
  ['account_username', (line) => line.event?.account?.username ?? null],
  ['key', (line) => line.event?.key?.name ?? null],
  ['key_fragment', (line) => line.event?.key?.fragment ?? null],
  ['action', (line) => line.event?.action ?? ANONYMOUS_REFUSALS_ACTION],
  ['upstream_status', (line) => line.event?.upstreamStatus ?? null],
  ['source_ip', (line) => line.event?.sourceIp ?? line.refusals?.sourceIp ?? null],
  ['user_agent', (line) => line.event?.userAgent ?? null],
  ['details', (line) => line.details.map((detail) => `${detail.label}: ${detail.value}`).join('; ')],
  ['event_id', (line) => line.event?.id ?? null],
  ['user_id', (line) => line.event?.actorId ?? null],
  ['account_id', (line) => line.event?.accountId ?? null],
  ['key_id', (line) => line.event?.keyId ?? null],
];

/** `lines` were made in `locale` (lib/audit-log/audit-lines.ts); the header and outcomes are said in it too. */
export function auditCsv(lines: readonly AuditLine[], locale: Locale): string {
  const t = auditWords(locale);
  const rows = [COLUMNS.map(([header]) => csvCell(t(`csv.${header}`))).join(',')];
  for (const line of lines) rows.push(COLUMNS.map(([, value]) => csvCell(value(line, locale))).join(','));
  return `${rows.join('\r\n')}\r\n`;
}
