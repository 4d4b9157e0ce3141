import { createTranslator } from 'next-intl';
import { createElement } from 'react';
import { describe, expect, it } from 'vitest';

import type { KeySearchResultView, KeySearchRowView } from '@/lib/key-search/types';
import type { Locale } from '@/i18n/locales';
import { MESSAGES } from '@/messages';
import { renderWithIntl } from '@/test/support/with-intl';
import { KeySearchForm } from './key-search-form';
import { KeySearchResults } from './key-search-results';
import { searchRefusal } from './search-refusal';

const renderToStaticMarkup = renderWithIntl;

const row: KeySearchRowView = {
  id: 'key-1',
  accountId: 'acct-1',
  accountLabel: 'Magazin Popescu',
  accountUsername: 'magazin01',
  name: 'Shop plugin',
  upstreamName: 'shop-plugin-at-sendsms',
  kind: 'DEFAULT',
  usageLabel: 'DEFAULT',
  fragment: '…3f9a',
  lockState: 'locked',
  lockedAt: '2026-11-01T08:00:00.000Z',
  lockedIps: ['203.0.113.7', '198.51.100.20'],
  lastUsedAt: '2026-12-05T08:00:00.000Z',
  useCount: 1234,
  refusedCount: 3,
  lastRefusedIp: '192.0.2.99',
  lastRefusedAt: '2026-12-05T09:00:00.000Z',
  matchedOn: ['fragment', 'name'],
  href: '/accounts/acct-1/api-keys/key-1',
};
const result = (rows: KeySearchRowView[], more: Partial<KeySearchResultView> = {}): KeySearchResultView => ({
  q: '3f9a',
  searchedAs: 'text',
  rows,
  truncated: false,
  ...more,
});

describe('the Find a key page’s pieces', () => {
  it('search with a plain GET form to /search, so that they work before JavaScript', () => {
    const html = renderToStaticMarkup(createElement(KeySearchForm, { q: 'shop' }));
    const form = /<form[^>]*>/.exec(html)![0];
    expect(form).toContain('method="get"');
    expect(form).toContain('action="/search"');
    const input = /<input[^>]*>/.exec(html)![0];
    expect(input).toContain('name="q"');
    expect(input).toContain('value="shop"');
    const refused = renderToStaticMarkup(createElement(KeySearchForm, { q: 'ab', refusal: 'Type at least 3' }));
    expect(refused).toContain('aria-invalid="true"');
    expect(refused).toContain('Type at least 3');
  });

  it('list each key with its account, what support asks about, and a link to its page', () => {
    const html = renderToStaticMarkup(createElement(KeySearchResults, { result: result([row]) }));
    for (const text of [
      'href="/accounts/acct-1/api-keys/key-1"',
      'Shop plugin',
      'at sendSMS: shop-plugin-at-sendsms',
      '…3f9a',
      'Magazin Popescu',
      'magazin01',
      'Default Key',
      '203.0.113.7',
      '198.51.100.20',
      '1,234',
      '192.0.2.99',
      'end of the key, key name',
      '1 key found.',
    ])
      expect(html).toContain(text);
  });

  it('say when there is nothing, and when there is more than is listed', () => {
    expect(renderToStaticMarkup(createElement(KeySearchResults, { result: result([]) }))).toContain(
      'No key you can see matches',
    );
    expect(
      renderToStaticMarkup(createElement(KeySearchResults, { result: result([], { searchedAs: 'ip' }) })),
    ).toContain('No key you can see is locked on this address');
    expect(
      renderToStaticMarkup(createElement(KeySearchResults, { result: result([row], { truncated: true }) })),
    ).toContain('More than 50 keys match');
  });

  it('read in Romanian, with Romanian plurals and numbers', () => {
    const form = renderWithIntl(createElement(KeySearchForm, { q: '' }), 'ro');
    expect(form).toContain('Ce v-a spus clientul');
    expect(form).toContain('Ultimele 4 caractere ale cheii sale');
    expect(form).toContain('>Caută<');
    const html = renderWithIntl(createElement(KeySearchResults, { result: result([row]) }), 'ro');
    for (const text of [
      'A fost găsită 1 cheie.',
      'în sendSMS: shop-plugin-at-sendsms',
      'utilizare: Default',
      '1.234',
      'finalul cheii și denumirea cheii',
      'De câte ori a fost utilizată',
      'Locked on IP',
      'ultimul de la <span class="font-mono">192.0.2.99</span>',
    ])
      expect(html).toContain(text);
    expect(html).not.toMatch(/key found|at sendSMS|end of the key/);
    const many = renderWithIntl(
      createElement(KeySearchResults, { result: result([row, { ...row, id: 'key-2' }], { searchedAs: 'ip' }) }),
      'ro',
    );
    expect(many).toContain('Au fost găsite 2 chei pentru această adresă IP.');
    expect(
      renderWithIntl(createElement(KeySearchResults, { result: result([], { truncated: true }) }), 'ro'),
    ).toContain('Corespund mai mult de 50 de chei');
  });

  it('say why a search was refused, in the reader’s language', () => {
    const page = (locale: Locale) => createTranslator({ locale, messages: MESSAGES[locale], namespace: 'search.page' });
    expect(searchRefusal('ab', page('en'))).toBe(
      'Type at least 3 characters: the last 4 characters of the key, part of its name, an IP address or a sendSMS username.',
    );
    const ro = page('ro');
    expect(searchRefusal('x'.repeat(201), ro)).toBe(
      'O căutare are cel mult 200 de caractere: ultimele caractere ale cheii, o denumire, o adresă IP sau un nume de utilizator.',
    );
    expect(searchRefusal('ab', ro)).toMatch(/^Introduceți cel puțin 3 caractere/);
    expect(searchRefusal('ab\u0001', ro)).toMatch(/^folosiți doar litere/);
  });
});
