import { describe, expect, it } from 'vitest';
import { auditCsv } from '@/lib/audit-log/audit-csv';
import { anonymousRefusalLine, eventLine } from '@/lib/audit-log/audit-lines';
import { auditRow } from '@/lib/audit-log/test-support/audit-row';
import { csvCell } from '@/lib/csv/csv-cell';

describe('audit CSV', () => {
  it('quotes commas, quotes and new lines, and defuses formulas', () => {
    expect(csvCell('a,b')).toBe('"a,b"');
    expect(csvCell('say "hi"')).toBe('"say ""hi"""');
    expect(csvCell('=HYPERLINK("x")')).toBe(`"'=HYPERLINK(""x"")"`);
    expect(csvCell(null)).toBe('');
  });

  it('writes a header and one line per event, in the page’s words, with the ids last', () => {
    const csv = auditCsv([
      eventLine(
        auditRow({
          id: '1',
          key: { id: 'key_test', name: 'API Key Test', fragment: '…3f9a', deleted: true },
          params: { ip: '1.2.3.4', token: 'secret-token' },
          userAgent: 'ua',
        }),
      ),
      anonymousRefusalLine({
        sourceIp: '203.0.113.9',
        minute: '2026-11-22T09:59:00.000Z',
        count: 42,
        firstPath: '/api/users',
        lastPath: '/api/users',
      }),
    ]);
    const lines = csv.trim().split('\r\n');
    expect(lines[0]).toBe(
      'occurred_at,event,outcome,user,email,role,account,account_username,key,key_fragment,action,upstream_status,source_ip,user_agent,details,event_id,user_id,account_id,key_id',
    );
    expect(lines[1]).toBe(
      [
        '2026-11-22T10:00:00.000Z',
        '"Ada Admin authorized 1.2.3.4 on ""API Key Test"" (Demo shop)"',
        'succeeded',
        'Ada Admin',
        'ada@demo.local',
        'ADMIN',
        'Demo shop',
        'demo-shop',
        'API Key Test',
        '…3f9a',
        'ip.authorize',
        '0',
        '203.0.113.9',
        'ua',
        'User: Ada Admin · ada@demo.local · Account admin; Account: Demo shop · demo-shop; Key: API Key Test · …3f9a · deleted; IP address: 1.2.3.4; Token: ***; sendSMS status: 0; From: 203.0.113.9; Browser: ua',
        '1',
        'user_ada',
        'acc_shop',
        'key_test',
      ].join(','),
    );
    expect(lines[2]).toBe(
      '2026-11-22T09:59:00.000Z,42 refused requests without a session from 203.0.113.9 in this minute,refused,,,,,,,,anonymous.refused,,203.0.113.9,,From: 203.0.113.9; Path: /api/users,,,,',
    );
    expect(csv).not.toContain('secret-token');
  });
});
