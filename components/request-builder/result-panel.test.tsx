import { describe, expect, it } from 'vitest';

import type { BuilderRunResult } from '@/lib/request-builder/run-request';
import { renderWithIntl } from '@/test/support/with-intl';
import { FailedRunPanel } from './failed-run-panel';
import { ResultPanel } from './result-panel';

const result = (change: Partial<BuilderRunResult>): BuilderRunResult => ({
  action: 'token_list_ips',
  ok: false,
  status: -8,
  meaning: {
    en: 'sendSMS refused the credentials: the username, password or API key is wrong, the password has expired, or the key is not allowed from this IP address.',
    ro: 'sendSMS a refuzat datele de autentificare: numele de utilizator, parola sau cheia API sunt greșite, parola a expirat sau cheia nu este permisă de la această adresă IP.',
  },
  message: 'Authentication failed',
  details: null,
  durationMs: 1234.5,
  preview: {
    url: 'https://api.sendsms.ro/json?action=token_list_ips&username=demo&password=<PASSWORD_OR_API_KEY>',
    curl: "curl 'https://api.sendsms.ro/json?action=token_list_ips'",
  } as BuilderRunResult['preview'],
  warnings: [],
  ...change,
});

describe('ResultPanel', () => {
  it("says what the status means in the reader's language, the other language beneath for support", () => {
    const html = renderWithIntl(<ResultPanel result={result({})} />);
    expect(html).toContain('>Result<');
    expect(html).toContain('status -8');
    expect(html).toContain('<p class="font-medium">sendSMS refused the credentials');
    expect(html).toContain('In Romanian, for support:');
    expect(html).toContain('<span lang="ro">sendSMS a refuzat datele de autentificare');
    expect(html).toContain('1,234.5 ms');
    expect(html).toContain('aria-label="Copy the request URL (secrets masked)"');
  });

  it('renders in Romanian', () => {
    const html = renderWithIntl(<ResultPanel result={result({})} />, 'ro');
    expect(html).toContain('>Rezultat<');
    expect(html).toContain('<p class="font-medium">sendSMS a refuzat datele de autentificare');
    expect(html).toContain('În engleză, pentru suport:');
    expect(html).toContain('<span lang="en">sendSMS refused the credentials');
    expect(html).toContain('1.234,5 ms');
    expect(html).toContain('>Mesaj<');
    expect(html).toContain('aria-label="Copiază URL-ul request-ului (secretele sunt mascate)"');
    expect(html).toContain('Parola și cheia apar ca substituenți');
    expect(html).not.toMatch(/>(Result|Message|Details|Request URL)</);
  });

  it("translates the status by its name, not the server's sentence", () => {
    const html = renderWithIntl(
      <ResultPanel result={result({ ok: true, status: 0, meaning: { en: 'whatever', ro: 'oricare' } })} />,
      'ro',
    );
    expect(html).toContain('<p class="font-medium">Cererea a reușit.</p>');
    expect(renderWithIntl(<ResultPanel result={result({ status: -99999 })} />, 'ro')).toContain(
      'sendSMS a răspuns cu un cod de eroare necunoscut acestui panou (-99999).',
    );
  });

  it('says an unknown outcome is being checked, not that it failed', () => {
    const html = renderWithIntl(
      <ResultPanel
        result={result({
          status: null,
          outcome: 'unknown',
          meaning: { en: 'No clear answer', ro: 'Niciun răspuns clar' },
        })}
      />,
      'ro',
    );
    expect(html).toContain('rezultat necunoscut, se verifică');
    expect(html).toContain('Niciun răspuns clar de la sendSMS: rezultat necunoscut, se verifică.');
  });

  it("shows the server's own sentence when sendSMS gave no status", () => {
    const timedOut = result({
      status: null,
      meaning: { en: 'sendSMS did not answer within 10 seconds.', ro: 'sendSMS nu a răspuns în 10 secunde.' },
    });
    expect(renderWithIntl(<ResultPanel result={timedOut} />)).toContain('>no answer<');
    expect(renderWithIntl(<ResultPanel result={timedOut} />, 'ro')).toContain(
      '<p class="font-medium">sendSMS nu a răspuns în 10 secunde.</p>',
    );
  });

  it('words what the dashboard says in place of sendSMS’s message, and keeps sendSMS’s own as it came', () => {
    const added = result({ action: 'token_add_ip', ok: true, status: 0, message: '', note: { code: 'ok' } });
    expect(renderWithIntl(<ResultPanel result={added} />)).toContain('<dd>OK</dd>');
    const listed = result({
      action: 'token_add_ip',
      ok: true,
      status: -512,
      message: '',
      note: { code: 'already-listed' },
    });
    expect(renderWithIntl(<ResultPanel result={listed} />)).toContain('<dd>The IP is already on the list</dd>');
    expect(renderWithIntl(<ResultPanel result={listed} />, 'ro')).toContain('<dd>IP-ul este deja în listă</dd>');
    const said = result({ message: '', note: { code: 'sentence', text: { en: 'In English.', ro: 'În română.' } } });
    expect(renderWithIntl(<ResultPanel result={said} />, 'ro')).toContain('<dd>În română.</dd>');
    expect(renderWithIntl(<ResultPanel result={result({})} />, 'ro')).toContain('<dd>Authentication failed</dd>');
  });
});

describe('FailedRunPanel', () => {
  const forbidden = { code: 'forbidden', message: 'Support staff cannot run requests that change a key' };

  it("keeps the server's English sentence, with the Romanian gist for support", () => {
    const html = renderWithIntl(<FailedRunPanel refusal={forbidden} />);
    expect(html).toContain('refused: not allowed');
    expect(html).toContain('<p class="font-medium">Support staff cannot run requests that change a key</p>');
    expect(html).toContain('In Romanian, for support:');
  });

  it('renders in Romanian: the Romanian the server sent, else the gist of the refusal', () => {
    const budget = renderWithIntl(
      <FailedRunPanel
        refusal={{
          code: 'rate-limited',
          message: 'sendSMS allows 10 queries a minute per account and this account has used them.',
          messageRo: 'sendSMS permite 10 interogări pe minut pentru fiecare cont.',
        }}
      />,
      'ro',
    );
    expect(budget).toContain('refuzat: bugetul de interogări s-a epuizat');
    expect(budget).toContain('<p class="font-medium">sendSMS permite 10 interogări pe minut pentru fiecare cont.</p>');
    expect(budget).toContain('Mesajul serverului, pentru suport:');

    const refused = renderWithIntl(<FailedRunPanel refusal={forbidden} />, 'ro');
    expect(refused).toContain('refuzat: nu este permis');
    expect(refused).toContain('Rolul dumneavoastră nu permite acest request pentru acest cont.');
  });

  it("names sendSMS's status and says what it means", () => {
    const html = renderWithIntl(
      <FailedRunPanel refusal={{ code: 'rate-limited', message: 'Throttled.', upstreamStatus: -4096 }} />,
      'ro',
    );
    expect(html).toContain('status -4096');
    expect(html).toContain('sendSMS are prea multe conexiuni de la acest cont în acest moment.');
    expect(html).toContain('Panoul nu a modificat nimic.');
  });
});
