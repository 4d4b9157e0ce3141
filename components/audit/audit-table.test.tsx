import { NextIntlClientProvider } from 'next-intl';
import { renderToStaticMarkup } from 'react-dom/server';
import { describe, expect, it } from 'vitest';

import { FORMATS } from '@/i18n/formats';
import type { Locale } from '@/i18n/locales';
import { anonymousRefusalLine, eventLine } from '@/lib/audit-log/audit-lines';
import { auditRow } from '@/lib/audit-log/test-support/audit-row';
import { MESSAGES } from '@/messages';
import { renderWithIntl } from '@/test/support/with-intl';
import { AuditTable } from './audit-table';

const table = (locale: Locale) => (
  <AuditTable
    lines={[
      eventLine(
        auditRow({ userAgent: 'Mozilla/5.0 (X11; Linux x86_64) AppleWebKit/537.36 (KHTML, like Gecko)' }),
        locale,
      ),
      anonymousRefusalLine(
        {
          sourceIp: '203.0.113.9',
          minute: '2026-11-22T09:59:00.000Z',
          count: 42,
          firstPath: '/api/users',
          lastPath: '/api/users',
        },
        locale,
      ),
    ]}
    total={1}
    pageCount={1}
    refusalsLeftOut={0}
    filter={{ page: 1 }}
  />
);

const html = renderWithIntl(table('en'));

describe('the audit table', () => {
  it('reads as sentences with their outcome in words, and details as labelled fields', () => {
    expect(html).toContain('Ada Admin authorized 198.51.100.20 on &quot;API Key Test&quot; (Demo shop)');
    expect(html).toContain('succeeded');
    expect(html).toContain('42 refused requests without a session from 203.0.113.9 in this minute');
    expect(html).toContain('refused');
    expect(html).toMatch(/<dt[^>]*>IP address<\/dt><dd[^>]*>198\.51\.100\.20<\/dd>/);
    expect(html).not.toContain('{&quot;ip&quot;');
    expect(html).toContain('1 event · page 1 of 1');
  });

  it('renders times in the reader’s zone, saying which, as text rather than Tab stops', () => {
    expect(html).toMatch(
      /<time dateTime="2026-11-22T10:00:00.000Z" title="UTC"[^>]*>Nov 22, 2026, 10:00:00 UTC<\/time>/,
    );
    expect(html).not.toMatch(/<time[^>]*tabindex/i);
    // The server writes the zone the request knows (the user's, or the browser's cookie), not UTC: no flash.
    const inBucharest = renderToStaticMarkup(
      <NextIntlClientProvider locale="ro" messages={MESSAGES.ro} formats={FORMATS} timeZone="Europe/Bucharest">
        {table('ro')}
      </NextIntlClientProvider>,
    );
    expect(inBucharest).toMatch(
      /<time dateTime="2026-11-22T10:00:00.000Z" title="Europe\/Bucharest"[^>]*>22 nov\. 2026, 12:00:00 EET<\/time>/,
    );
  });

  it('offers one copy button per event for its ids, none for a count of refusals', () => {
    expect(html.match(/>Copy ids</g)).toHaveLength(1);
    expect(html).toContain('aria-label="Copy ids of event 42"');
  });

  it('renders in Romanian: headers, sentences, outcomes, details and the copy button', () => {
    const ro = renderWithIntl(table('ro'), 'ro');
    expect(ro).toContain('aria-label="Evenimente de audit"');
    expect(ro).toContain('Ce s-a întâmplat');
    expect(ro).toContain('Ada Admin a autorizat 198.51.100.20 pentru „API Key Test” (Demo shop)');
    expect(ro).toContain('42 de request-uri refuzate fără sesiune de la 203.0.113.9 în acest minut');
    expect(ro).toContain('reușit');
    expect(ro).toMatch(/<dt[^>]*>Adresă IP<\/dt><dd[^>]*>198\.51\.100\.20<\/dd>/);
    expect(ro).toContain('aria-label="Copiază id-urile evenimentului 42"');
    expect(ro).toContain('1 eveniment · pagina 1 din 1');
    expect(ro).toContain('22 nov. 2026, 10:00:00 UTC');
  });

  it('says when there are no events, and the minutes of refusals left out', () => {
    const empty = renderWithIntl(
      <AuditTable lines={[]} total={0} pageCount={1} refusalsLeftOut={3} filter={{ page: 1 }} />,
      'ro',
    );
    expect(empty).toContain('Niciun eveniment nu corespunde acestor filtre.');
    expect(empty).toContain('Încă 3 minute cu request-uri refuzate fără sesiune');
  });
});
