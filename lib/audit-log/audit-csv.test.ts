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
    const csv = auditCsv(
      [
        eventLine(
          auditRow({
            id: '1',
            key: { id: 'key_test', name: 'API Key Test', fragment: '…3f9a', deleted: true },
            params: { ip: '1.2.3.4', token: 'secret-token' },
            userAgent: 'ua',
          }),
          'en',
        ),
        anonymousRefusalLine(
          {
            sourceIp: '203.0.113.9',
            minute: '2026-11-22T09:59:00.000Z',
            count: 42,
            firstPath: '/api/users',
            lastPath: '/api/users',
          },
          'en',
        ),
      ],
      'en',
    );
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

  it('writes the header, sentences, outcomes and details in Romanian, the ids and times as they are', () => {
    const csv = auditCsv(
      [
        eventLine(auditRow({ id: '1', params: { ip: '1.2.3.4' }, userAgent: null }), 'ro'),
        anonymousRefusalLine(
          { sourceIp: '203.0.113.9', minute: '2026-11-22T09:59:00.000Z', count: 2, firstPath: '/a', lastPath: '/a' },
          'ro',
        ),
      ],
      'ro',
    );
    const lines = csv.trim().split('\r\n');
    expect(lines[0]).toBe(
      'data_și_ora,eveniment,rezultat,utilizator,email,rol,cont,nume_utilizator_cont,cheie,fragment_cheie,acțiune,status_sendsms,ip_sursă,browser,detalii,id_eveniment,id_utilizator,id_cont,id_cheie',
    );
    expect(lines[1]).toContain(
      '2026-11-22T10:00:00.000Z,Ada Admin a autorizat 1.2.3.4 pentru „API Key Test” (Demo shop),reușit,',
    );
    expect(lines[1]).toContain(',ADMIN,');
    expect(lines[1]).toContain(
      'Utilizator: Ada Admin · ada@demo.local · Administrator de cont; Cont: Demo shop · demo-shop',
    );
    expect(lines[1]).toMatch(/,ip\.authorize,/);
    expect(lines[2]).toBe(
      '2026-11-22T09:59:00.000Z,2 request-uri refuzate fără sesiune de la 203.0.113.9 în acest minut,refuzat,,,,,,,,anonymous.refused,,203.0.113.9,,De la: 203.0.113.9; Cale: /a,,,,',
    );
  });
});
