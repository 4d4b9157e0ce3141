import { QueryClient, QueryClientProvider } from '@tanstack/react-query';
import { createFormatter, createTranslator } from 'next-intl';
import { NuqsTestingAdapter } from 'nuqs/adapters/testing';
import type { ReactNode } from 'react';
import { describe, expect, it, vi } from 'vitest';

import { FORMATS } from '@/i18n/formats';
import type { Locale } from '@/i18n/locales';
import { authorizeChecks } from '@/lib/keys/authorize-checks';
import { DEFAULT_KEY_LIST_QUERY } from '@/lib/keys/list-query';
import type { FreshnessView, KeyDetailView, KeyListView, KeyRowView, ProblemView } from '@/lib/keys/types';
import { MESSAGES } from '@/messages';
import { renderWithIntl } from '@/test/support/with-intl';
import { checkText } from './authorize-refused-ip-dialog';
import { badgeText } from './columns';
import { KeyDetail } from './key-detail';
import { KeysList } from './keys-list';
import { changeSummary } from './pending-changes';
import { problemText } from './problem-text';

vi.mock('next/navigation', () => ({ useRouter: () => ({ push: () => undefined }) }));

const translator = (locale: Locale) => createTranslator({ locale, messages: MESSAGES[locale], namespace: 'keys' });
const ipTranslator = (locale: Locale) =>
  createTranslator({ locale, messages: MESSAGES[locale], namespace: 'requestBuilder' });
const statusTranslator = (locale: Locale) =>
  createTranslator({ locale, messages: MESSAGES[locale], namespace: 'status' });
const formatter = (locale: Locale) => createFormatter({ locale, timeZone: 'UTC', formats: FORMATS });

const freshness: FreshnessView = {
  usageFetchedAt: '2026-12-04T13:20:00.000Z',
  usageReported: true,
  ipsOldestFetchedAt: '2026-12-04T13:18:00.000Z',
  ipsNewestFetchedAt: '2026-12-04T13:20:00.000Z',
  lastProblem: null,
  stale: false,
  staleAfterMinutes: 15,
  refreshing: false,
  collection: null,
};

const row = (overrides: Partial<KeyRowView>): KeyRowView => ({
  id: 'key-1',
  name: 'API Key Test',
  kind: 'DEFAULT',
  usageLabel: 'DEFAULT',
  fragment: '…3f9a',
  origin: 'GENERATED' as KeyRowView['origin'],
  createdAt: '2026-11-01T08:00:00.000Z',
  lockedIps: [],
  lockedAt: null,
  lastUsedAt: null,
  useCount: 0,
  usageFetchedAt: '2026-12-04T13:20:00.000Z',
  ipsFetchedAt: '2026-12-04T13:18:00.000Z',
  refusedCount: 0,
  lastRefusedIp: null,
  lastRefusedAt: null,
  upstreamName: null,
  secretHeld: true,
  secretUnseenAt: null,
  badges: [],
  ...overrides,
});

const awaiting = row({ badges: [{ id: 'awaiting-first-use', tone: 'info' }] });
const locked = row({
  id: 'key-2',
  name: 'Website orders',
  lockedAt: '2026-11-02T08:00:00.000Z',
  lastUsedAt: '2026-12-04T13:00:00.000Z',
  useCount: 1204,
  refusedCount: 3,
  lastRefusedIp: '198.51.100.20',
  lastRefusedAt: '2026-12-04T13:10:00.000Z',
  lockedIps: [
    {
      address: '203.0.113.7',
      reason: 'FIRST_USE',
      addedAt: '2026-12-04T13:23:20.000Z',
      fetchedAt: '2026-12-04T13:23:20.000Z',
      informative: false,
    },
  ],
  badges: [
    {
      id: 'refused',
      tone: 'danger',
      count: 3,
      lastRefusedIp: '198.51.100.20',
      lastRefusedAt: '2026-12-04T13:10:00.000Z',
    },
  ],
});

const list = (rows: KeyRowView[]): KeyListView => ({
  accountId: 'acct-1',
  accountLabel: 'Demo shop',
  rows,
  recentUses: {},
  total: rows.length,
  page: 1,
  size: 50,
  freshness,
  pendingChanges: [],
});

function withProviders(node: ReactNode, locale: Locale = 'en') {
  return renderWithIntl(
    <QueryClientProvider client={new QueryClient()}>
      <NuqsTestingAdapter>{node}</NuqsTestingAdapter>
    </QueryClientProvider>,
    locale,
  );
}

const renderList = (view: KeyListView, locale: Locale = 'en', manageDenied: string | null = null) =>
  withProviders(<KeysList initial={view} initialQuery={DEFAULT_KEY_LIST_QUERY} manageDenied={manageDenied} />, locale);

const detail: KeyDetailView = {
  accountId: 'acct-1',
  accountLabel: 'Demo shop',
  key: locked,
  auditTrail: [],
  auditDeniedReason: null,
  inUse: null,
  deleteUpstream: 'supported',
  freshness,
  pendingChanges: [],
  refusedCalls: [],
};

const renderDetail = (locale: Locale) =>
  withProviders(
    <KeyDetail
      initial={detail}
      manageDenied={null}
      authorizeDenied={null}
      builderDenied={null}
      usageChart={<p>chart</p>}
    />,
    locale,
  );

describe('the keys list', () => {
  it('keeps the hub’s English words', () => {
    const html = renderList(list([awaiting, locked]));
    for (const text of [
      '>API Keys</h1>',
      'Generate a new API Key',
      'Locked On IP',
      'Last used',
      'Use count',
      'awaiting first use',
      'usage: Default',
      'locked since ',
      '1,204',
      'refused calls',
      'aria-label="API keys"',
      '2 keys · page 1 of 1',
      'Default Key',
      'Idle 30 days',
    ])
      expect(html).toContain(text);
  });

  it('renders in Romanian, with the provider’s terms and Romanian numbers', () => {
    const html = renderList(list([awaiting, locked]), 'ro');
    for (const text of [
      '>Chei API</h1>',
      'Generează o cheie API nouă',
      'Locked on IP',
      'Ultima utilizare',
      'De câte ori a fost utilizată',
      'așteaptă prima utilizare',
      'utilizare: Default',
      '1.204',
      'apeluri refuzate',
      '2 chei · pagina 1 din 1',
      'Neutilizate de 30 de zile',
      'Cheie „Default”',
    ])
      expect(html).toContain(text);
    expect(html).not.toContain('Generate a new API Key');
  });

  it('says what to do next when there is no key yet, and who can when the reader cannot', () => {
    expect(renderList(list([]))).toContain('No keys yet. Generate a new API Key to start.');
    expect(renderList(list([]), 'en', 'A team lead cannot generate, rename or delete API keys')).toContain(
      'No keys yet. An account admin can generate one.',
    );
    expect(renderList(list([]), 'ro')).toContain('Apăsați „Generează o cheie API nouă” pentru a începe.');
  });
});

describe('the key page', () => {
  it('keeps its English words and says exactly when an address was added, with the zone', () => {
    const html = renderDetail('en');
    for (const text of [
      'API Keys of Demo shop',
      'Locked On IP',
      'first use (locked the key)',
      'Dec 4, 2026, 13:23:20 UTC',
      'IP address to authorize',
      'Authorize IP',
      'Open in the request builder',
      'Refused calls',
      '3, the last from 198.51.100.20',
      'Audit trail',
      'Delete key',
      'Rename',
    ])
      expect(html).toContain(text);
  });

  it('renders in Romanian', () => {
    const html = renderDetail('ro');
    for (const text of [
      'Cheile API ale contului Demo shop',
      'Locked on IP',
      'prima utilizare (a blocat cheia)',
      '4 dec. 2026, 13:23:20 UTC',
      'Adresa IP de autorizat',
      'Autorizează IP',
      'Apeluri refuzate',
      '3, ultimul de la 198.51.100.20',
      'Jurnal de audit',
      'Șterge cheia',
      'Redenumește',
    ])
      expect(html).toContain(text);
  });
});

describe('words worked out from what the server sends', () => {
  it('words a badge from its id and values, with its plural and its exact time', () => {
    const badge = locked.badges[0]!;
    expect(badgeText(translator('en'), formatter('en'), badge)).toEqual({
      label: 'refused calls',
      detail:
        'sendSMS refused 3 calls with this key, the last from 198.51.100.20 at Dec 4, 2026, 13:10:00 UTC. Authorize the address if it is yours.',
    });
    expect(badgeText(translator('ro'), formatter('ro'), badge).detail).toContain(
      'sendSMS a refuzat 3 apeluri cu această cheie, ultimul de la 198.51.100.20',
    );
    const quiet = { id: 'refused', tone: 'danger', count: 1, lastRefusedIp: null, lastRefusedAt: null } as const;
    expect(badgeText(translator('en'), formatter('en'), quiet).detail).toBe(
      'sendSMS refused 1 call with this key. Authorize the address if it is yours.',
    );
    expect(badgeText(translator('ro'), formatter('ro'), { id: 'idle', tone: 'warning', days: 30 })).toEqual({
      label: 'neutilizată de 30 de zile',
      detail: 'Nu a fost utilizată în ultimele 30 de zile. Dacă nu mai este necesară, ștergeți-o.',
    });
  });

  it('words what a pending change asked from its action and values', () => {
    const en = translator('en');
    const ro = translator('ro');
    const generate = { action: 'generate', keyName: 'Shop plugin', ip: null } as const;
    const authorize = { action: 'authorize-ip', keyName: null, ip: '192.0.2.10' } as const;
    const remove = { action: 'delete', keyName: null, ip: null } as const;
    expect([generate, authorize, remove].map((change) => changeSummary(en, change))).toEqual([
      'Generate “Shop plugin”',
      'Authorize 192.0.2.10',
      'Delete the key',
    ]);
    expect([generate, authorize, remove].map((change) => changeSummary(ro, change))).toEqual([
      'Generare „Shop plugin”',
      'Autorizare 192.0.2.10',
      'Ștergere cheie',
    ]);
    expect(changeSummary(en, { action: 'generate', keyName: null, ip: null })).toBe('Generate a key');
    expect(changeSummary(en, { action: 'authorize-ip', keyName: null, ip: null })).toBe('Authorize an IP');
  });

  it('words the authorize checks from what they found, in English as before and in Romanian', () => {
    const en = (address: string, key: Parameters<typeof authorizeChecks>[1]) =>
      authorizeChecks(address, key).map((check) => checkText(translator('en'), ipTranslator('en'), check));
    expect(en('198.51.100.20', locked)).toEqual([
      '198.51.100.20 is the address of one machine.',
      'sendSMS sees the public address your integration calls from; 198.51.100.20 is in a range reserved for documentation and examples; no real client calls from it (198.51.100.0/24).',
      'The key is already locked: authorizing adds this address to its list and locks it nowhere else.',
    ]);
    expect(en('203.0.113.7', locked).at(-1)).toBe('203.0.113.7 is already on Locked On IP.');
    expect(en('8.8.8.8', awaiting)).toEqual([
      '8.8.8.8 is the address of one machine.',
      'A public address: sendSMS can see calls come from it.',
      'This Default Key has never been used: if sendSMS can only be asked with the key itself, that call would lock it to the dashboard’s server, and you will be asked first.',
    ]);
    expect(en('8.8.8.8', row({ kind: 'CLOUD' })).at(-1)).toBe(
      'A Cloud key refuses no address: authorizing changes nothing.',
    );
    expect(en('0.0.0.0', locked)).toEqual([
      '0.0.0.0 is the unspecified address, not the address of any machine; no call comes from it, so it cannot be authorized',
    ]);
    expect(en('not an ip', locked)).toEqual(['"not an ip" is not an IPv4 or IPv6 address']);

    const [, range] = authorizeChecks('198.51.100.20', locked);
    expect(checkText(translator('ro'), ipTranslator('ro'), range!)).toBe(
      'sendSMS vede adresa publică de la care face apeluri integrarea dvs.; 198.51.100.20 face parte dintr-un interval rezervat pentru documentație și exemple; niciun client real nu face apeluri de la ea (198.51.100.0/24).',
    );
    const [garbled] = authorizeChecks('not an ip', locked);
    expect(checkText(translator('ro'), ipTranslator('ro'), garbled!)).toBe(
      '„not an ip” nu este o adresă IPv4 sau IPv6',
    );
  });

  it('words why a refresh failed from its condition, as the server says it, and keeps text it does not know', () => {
    const words = (locale: Locale, problem: ProblemView) =>
      problemText(translator(locale), statusTranslator(locale), problem);
    const timeout = { code: 'timeout', seconds: 10, nothingChanged: true } as const;
    expect(words('en', { condition: timeout, message: 'ignored' })).toBe(
      'sendSMS did not answer within 10 seconds. The dashboard changed nothing.',
    );
    expect(words('ro', { condition: timeout, message: 'ignored' })).toBe(
      'sendSMS nu a răspuns în 10 secunde. Panoul nu a modificat nimic.',
    );
    const refused = { code: 'status', status: -8, nothingChanged: false } as const;
    expect(words('ro', { condition: refused, message: null })).toMatch(/^sendSMS a refuzat datele de autentificare/);
    expect(words('ro', { condition: null, message: 'upstream words' })).toBe('upstream words');
    expect(words('ro', { condition: null, message: null })).toBe('Ultima reîmprospătare a eșuat.');
  });

  it('shows the collection’s failure in the reader’s language', () => {
    const backingOff: FreshnessView = {
      ...freshness,
      collection: {
        nextRunAt: '2026-12-04T13:30:00.000Z',
        failureCount: 2,
        lastProblem: { condition: { code: 'network', nothingChanged: true }, message: 'English as stored' },
        lastSucceededAt: null,
        running: false,
      },
    };
    const html = renderList({ ...list([locked]), freshness: backingOff }, 'ro');
    expect(html).toContain('Conexiunea cu sendSMS a eșuat sau a fost întreruptă înainte de răspuns.');
    expect(html).not.toContain('English as stored');
  });
});
