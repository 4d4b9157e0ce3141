import { renderToStaticMarkup } from 'react-dom/server';
import { describe, expect, it } from 'vitest';

import { anonymousRefusalLine, eventLine } from '@/lib/audit-log/audit-lines';
import { auditRow } from '@/lib/audit-log/test-support/audit-row';
import { AuditTable } from './audit-table';

const html = renderToStaticMarkup(
  AuditTable({
    lines: [
      eventLine(auditRow({ userAgent: 'Mozilla/5.0 (X11; Linux x86_64) AppleWebKit/537.36 (KHTML, like Gecko)' })),
      anonymousRefusalLine({
        sourceIp: '203.0.113.9',
        minute: '2026-11-22T09:59:00.000Z',
        count: 42,
        firstPath: '/api/users',
        lastPath: '/api/users',
      }),
    ],
    total: 1,
    pageCount: 1,
    refusalsLeftOut: 0,
    filter: { page: 1 },
  }),
);

describe('the audit table', () => {
  it('reads as sentences with their outcome in words, and details as labelled fields', () => {
    expect(html).toContain('Ada Admin authorized 198.51.100.20 on &quot;API Key Test&quot; (Demo shop)');
    expect(html).toContain('succeeded');
    expect(html).toContain('42 refused requests without a session from 203.0.113.9 in this minute');
    expect(html).toContain('refused');
    expect(html).toMatch(/<dt[^>]*>IP address<\/dt><dd[^>]*>198\.51\.100\.20<\/dd>/);
    expect(html).not.toContain('{&quot;ip&quot;');
  });

  it('renders times in UTC on the server, saying so, as text rather than Tab stops', () => {
    expect(html).toMatch(/<time dateTime="2026-11-22T10:00:00.000Z"[^>]*>22 Nov 2026, 10:00:00 UTC<\/time>/);
    expect(html).not.toMatch(/<time[^>]*tabindex/i);
  });

  it('offers one copy button per event for its ids, none for a count of refusals', () => {
    expect(html.match(/>Copy ids</g)).toHaveLength(1);
    expect(html).toContain('aria-label="Copy ids of event 42"');
  });
});
