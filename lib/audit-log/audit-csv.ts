import type { AuditLine } from '@/lib/audit-log/audit-row';
import { ANONYMOUS_REFUSALS_ACTION, outcomeName } from '@/lib/audit-log/event-sentence';
import { csvCell } from '@/lib/csv/csv-cell';

/**
 * The audit log as RFC 4180 CSV (cells through csvCell), in the page's words: each line's sentence, outcome and
 * details, the names of the user, account and key, and their ids in the last columns for support tickets.
 */

const COLUMNS: Array<[header: string, value: (line: AuditLine) => unknown]> = [
  ['occurred_at', (line) => line.occurredAt],
  ['event', (line) => line.sentence],
  ['outcome', (line) => outcomeName(line.outcome)],
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

export function auditCsv(lines: readonly AuditLine[]): string {
  const rows = [COLUMNS.map(([header]) => header).join(',')];
  for (const line of lines) rows.push(COLUMNS.map(([, value]) => csvCell(value(line))).join(','));
  return `${rows.join('\r\n')}\r\n`;
}
