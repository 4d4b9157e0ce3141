import { describe, expect, it } from 'vitest';
import { auditCsv } from '@/lib/audit-log/audit-csv';
import { csvCell } from '@/lib/csv/csv-cell';

describe('audit CSV', () => {
  it('quotes commas, quotes and new lines, and defuses formulas', () => {
    expect(csvCell('a,b')).toBe('"a,b"');
    expect(csvCell('say "hi"')).toBe('"say ""hi"""');
    expect(csvCell('=HYPERLINK("x")')).toBe(`"'=HYPERLINK(""x"")"`);
    expect(csvCell(null)).toBe('');
  });

  it('writes a header and one line per row', () => {
    const csv = auditCsv([
      {
        id: '1',
        occurredAt: '2026-11-22T10:00:00.000Z',
        actorEmail: 'a@x',
        actorRole: 'ADMIN',
        accountId: 'acc',
        keyId: null,
        action: 'key.generate',
        outcome: 'success',
        params: { name: 'n' },
        upstreamStatus: 1,
        sourceIp: '1.2.3.4',
        userAgent: 'ua',
      },
    ]);
    const lines = csv.trim().split('\r\n');
    expect(lines[0]).toBe(
      'occurred_at,actor,role,account,key,action,outcome,upstream_status,source_ip,user_agent,params',
    );
    expect(lines[1]).toBe(
      '2026-11-22T10:00:00.000Z,a@x,ADMIN,acc,,key.generate,success,1,1.2.3.4,ua,"{""name"":""n""}"',
    );
  });
});
