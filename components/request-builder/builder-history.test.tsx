import { describe, expect, it } from 'vitest';

import type { Locale } from '@/i18n/locales';
import type { BuilderHistoryEntry } from '@/lib/request-builder/history';
import { renderWithIntl } from '@/test/support/with-intl';
import { BuilderHistory } from './builder-history';

const READ_ONLY = 'Support staff cannot run requests that change a key';

const entry = (change: Partial<BuilderHistoryEntry>): BuilderHistoryEntry => ({
  id: '1',
  occurredAt: '2026-03-12T10:00:00.000Z',
  actorEmail: 'admin@demo.local',
  accountId: 'shop',
  accountLabel: 'Demo shop',
  keyId: 'key',
  keyName: 'Website orders',
  action: 'token_add_ip',
  params: { ipaddr: '198.51.100.30' },
  sendAs: 'account',
  outcome: 'success',
  upstreamStatus: 0,
  failure: null,
  runAgainDenied: null,
  ...change,
});

const render = (entries: BuilderHistoryEntry[], locale: Locale = 'en') =>
  renderWithIntl(
    <BuilderHistory
      entries={entries}
      onRunAgain={() => undefined}
      runAgainDenied={(listed) => listed.runAgainDenied}
    />,
    locale,
  );

/** The <tr> of the table body holding `text`. */
const rowWith = (html: string, text: string) =>
  [...html.matchAll(/<tr[^>]*>([\s\S]*?)<\/tr>/g)].map((match) => match[1]!).find((row) => row.includes(text)) ?? '';

describe('BuilderHistory', () => {
  it('lists failed runs with their status, or why they have none', () => {
    const html = render([
      entry({ id: '1', outcome: 'failure', upstreamStatus: -8 }),
      entry({ id: '2', action: 'user_get_balance', outcome: 'failure', upstreamStatus: null, failure: 'budget' }),
      entry({ id: '3', action: 'ping', outcome: 'failure', upstreamStatus: null, failure: 'timeout' }),
    ]);
    expect(html).toContain('status -8');
    expect(rowWith(html, 'user_get_balance')).toContain('refused: query budget spent');
    expect(rowWith(html, '>ping<')).toContain('no answer in time');
  });

  it('disables Run again of a request the user may not run, with the reason as text the button is described by', () => {
    const html = rowWith(render([entry({ runAgainDenied: READ_ONLY })]), 'Run again');
    const reasonId = new RegExp(`<span id="([^"]+)"[^>]*>${READ_ONLY}</span>`).exec(html)?.[1];
    expect(reasonId).toBeTruthy();
    expect(html).toMatch(new RegExp(`<button[^>]*disabled=""[^>]*aria-describedby="${reasonId}"[^>]*>Run again`));
  });

  it('offers Run again when the user may run it', () => {
    const html = rowWith(render([entry({ action: 'token_list_ips', params: {} })]), 'Run again');
    expect(html).not.toContain('disabled=""');
    expect(html).not.toContain(READ_ONLY);
  });

  it('speaks Romanian to a Romanian reader, the technical tokens kept', () => {
    const html = render(
      [
        entry({ id: '1', outcome: 'failure', upstreamStatus: -8 }),
        entry({ id: '2', action: 'user_get_balance', outcome: 'failure', upstreamStatus: null, failure: 'budget' }),
        entry({
          id: '3',
          action: 'ping',
          actorEmail: null,
          outcome: 'failure',
          upstreamStatus: null,
          failure: 'timeout',
        }),
      ],
      'ro',
    );
    expect(html).toContain('Request-uri trimise de aici');
    expect(html).toContain('aria-label="Istoricul request-urilor testate"');
    expect(html).toContain('>Trimite din nou<');
    expect(html).toContain('status -8');
    expect(rowWith(html, 'user_get_balance')).toContain('refuzat: bugetul de interogări s-a epuizat');
    expect(rowWith(html, '>ping<')).toContain('niciun răspuns la timp');
    expect(rowWith(html, '>ping<')).toContain('panoul');
    expect(html).toContain('ipaddr=198.51.100.30');
    expect(html).not.toContain('Run again');
  });

  it('names an account or a key that is gone in the reader’s language, and a request without a key with a dash', () => {
    const entries = [
      entry({ id: '1', accountLabel: null, keyName: null }),
      entry({ id: '2', action: 'ping', keyId: null, keyName: null, params: {} }),
    ];
    const english = render(entries);
    expect(rowWith(english, 'token_add_ip')).toContain('a removed account');
    expect(rowWith(english, 'token_add_ip')).toContain('a removed key');
    expect(rowWith(english, '>ping<')).toContain('>—<');
    const romanian = render(entries, 'ro');
    expect(rowWith(romanian, 'token_add_ip')).toContain('un cont șters');
    expect(rowWith(romanian, 'token_add_ip')).toContain('o cheie ștearsă');
  });

  it('says so when there is no request yet', () => {
    expect(render([])).toContain('None yet: the requests you test appear here');
    expect(render([], 'ro')).toContain('Niciunul încă');
  });
});
