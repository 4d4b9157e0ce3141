import type { AuditRow } from '@/lib/audit-log/audit-row';

/**
 * An audit row as the repository returns it, for the unit tests of the lines made from it: Ada Admin on the key
 * "API Key Test" of Demo shop, succeeded, unless `changes` says otherwise.
 */
export function auditRow(changes: Partial<AuditRow> = {}): AuditRow {
  return {
    id: '42',
    occurredAt: '2026-11-22T10:00:00.000Z',
    actorId: 'user_ada',
    actorEmail: 'ada@demo.local',
    actorRole: 'ADMIN',
    accountId: 'acc_shop',
    keyId: 'key_test',
    action: 'ip.authorize',
    outcome: 'success',
    params: { ip: '198.51.100.20', confirmFirstUseLock: false },
    upstreamStatus: 0,
    sourceIp: '203.0.113.9',
    userAgent: 'Mozilla/5.0',
    actor: { id: 'user_ada', name: 'Ada Admin', email: 'ada@demo.local' },
    account: { id: 'acc_shop', label: 'Demo shop', username: 'demo-shop' },
    key: { id: 'key_test', name: 'API Key Test', fragment: '…3f9a', deleted: false },
    subject: null,
    grantedAccounts: [],
    ...changes,
  };
}
