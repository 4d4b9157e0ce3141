import type { AuditRow } from '@/lib/audit-log/audit-filter';
import { csvCell } from '@/lib/csv/csv-cell';

/** The audit log as RFC 4180 CSV (cells through csvCell). */

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

export function auditCsv(rows: readonly AuditRow[]): string {
  const lines = [COLUMNS.map(([header]) => header).join(',')];
  for (const row of rows) lines.push(COLUMNS.map(([, value]) => csvCell(value(row))).join(','));
  return `${lines.join('\r\n')}\r\n`;
}
