import type { AuditRow } from '@/lib/audit-log/audit-filter';

/** RFC 4180 CSV; cells that a spreadsheet would run as a formula are prefixed with an apostrophe. */

const COLUMNS: Array<[header: string, value: (row: AuditRow) => unknown]> = [
  ['occurred_at', (row) => row.occurredAt],
  ['actor', (row) => row.actorEmail],
  ['role', (row) => row.actorRole],
  ['account', (row) => row.accountId],
  ['key', (row) => row.keyId],
  ['action', (row) => row.action],
  ['outcome', (row) => row.outcome],
  ['upstream_status', (row) => row.upstreamStatus],
  ['source_ip', (row) => row.sourceIp],
  ['user_agent', (row) => row.userAgent],
  ['params', (row) => JSON.stringify(row.params)],
];

export function csvCell(value: unknown): string {
  if (value === null || value === undefined) return '';
  let text = String(value);
  if (/^[=+\-@\t\r]/.test(text)) text = `'${text}`;
  return /[",\r\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

export function auditCsv(rows: readonly AuditRow[]): string {
  const lines = [COLUMNS.map(([header]) => header).join(',')];
  for (const row of rows) lines.push(COLUMNS.map(([, value]) => csvCell(value(row))).join(','));
  return `${lines.join('\r\n')}\r\n`;
}
