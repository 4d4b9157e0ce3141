import { NextIntlClientProvider } from 'next-intl';
import type { ReactNode } from 'react';
import { renderToStaticMarkup } from 'react-dom/server';
import { describe, expect, it } from 'vitest';

import { FORMATS } from '@/i18n/formats';
import type { Locale } from '@/i18n/locales';
import type { ProblemView } from '@/lib/keys/types';
import { usageFilterSchema } from '@/lib/usage/usage-filter';
import type { UsageAccountView, UsageAttentionView, UsageKeyRowView, UsageSeriesView } from '@/lib/usage/types';
import { MESSAGES } from '@/messages';
import { renderWithIntl } from '@/test/support/with-intl';
import { UsageAccountsTable } from './usage-accounts-table';
import { UsageAttention } from './usage-attention';
import { UsageBarChart } from './usage-bar-chart';
import { UsageKeysTable } from './usage-keys-table';
import { UsageFilters, UsageKeySetPicker, UsageRangePicker } from './usage-view-controls';

/** /usage's pieces in the reader's language and time zone: the chart and its table, the tables, what needs attention. */

const DAY = 86_400_000;

const days: UsageSeriesView = {
  range: '30d',
  period: 'day',
  points: Array.from({ length: 30 }, (_, index) => ({
    startsAt: new Date(Date.parse('2026-11-06T00:00:00Z') + index * DAY).toISOString(),
    uses: index === 29 ? 1234 : 10,
  })),
  total: 29 * 10 + 1234,
};

const hours: UsageSeriesView = {
  range: '24h',
  period: 'hour',
  points: [
    { startsAt: '2026-12-05T13:00:00.000Z', uses: 1 },
    { startsAt: '2026-12-05T14:00:00.000Z', uses: 0 },
  ],
  total: 1,
};

const none: UsageSeriesView = { ...days, points: days.points.map((point) => ({ ...point, uses: 0 })), total: 0 };

const key: UsageKeyRowView = {
  id: 'key-1',
  accountId: 'acct-1',
  accountLabel: 'Magazin Popescu',
  name: 'Shop plugin',
  kind: 'DEFAULT',
  fragment: '…3f9a',
  createdAt: '2026-06-01T10:00:00.000Z',
  lastUsedAt: '2026-12-05T08:00:00.000Z',
  useCount: 12345,
  usesInRange: 1234,
  refusedCount: 3,
  lastRefusedIp: '198.51.100.20',
  lastRefusedAt: '2026-12-05T09:00:00.000Z',
};

const account: UsageAccountView = {
  id: 'acct-1',
  label: 'Magazin Popescu',
  username: 'magazin01',
  keyCount: 5,
  lastUsedAt: '2026-12-05T08:00:00.000Z',
  usesInRange: 1524,
  usageReported: 'supported',
  credential: { kind: 'PASSWORD', ageDays: 26, state: 'expiring', advice: null },
  collection: {
    failureCount: 2,
    // Text the collection kept that is no known condition: shown as it came.
    lastProblem: { condition: null, message: 'sendSMS did not answer in time' },
    lastSucceededAt: null,
    nextRunAt: null,
  },
};

const attention: UsageAttentionView[] = [
  { accountId: 'acct-1', accountLabel: 'Magazin Popescu', kind: 'password-expiring', daysLeft: 4 },
  {
    accountId: 'acct-1',
    accountLabel: 'Magazin Popescu',
    kind: 'collection-failing',
    failureCount: 2,
    lastProblem: { condition: null, message: 'sendSMS did not answer in time' },
    nextRunAt: '2026-12-05T14:05:00.000Z',
  },
  { accountId: 'acct-2', accountLabel: 'Logistica', kind: 'usage-not-reported' },
];

const filter = (input: Record<string, string> = {}) => usageFilterSchema.parse(input);

function renderIn(node: ReactNode, locale: Locale, timeZone: string): string {
  return renderToStaticMarkup(
    <NextIntlClientProvider locale={locale} messages={MESSAGES[locale]} formats={FORMATS} timeZone={timeZone}>
      {node}
    </NextIntlClientProvider>,
  );
}

describe('the usage chart', () => {
  it('sums the range in its text equivalent, and names days in UTC, as they are counted', () => {
    const html = renderWithIntl(<UsageBarChart series={days} label="Uses of Magazin Popescu" />);
    expect(html).toContain(
      'aria-label="Uses of Magazin Popescu: 1,524 uses from Nov 6, 2026 to Dec 5, 2026, at most 1,234 in one day"',
    );
    expect(html).toContain('1,524 uses in all, per day (UTC).');
    expect(html).toContain('Day (UTC)');
    expect(html).toContain('<title>Dec 5, 2026: 1,234 uses</title>');
    // Days stay UTC days for a reader behind UTC: 5 Dec 00:00 UTC is not named 4 Dec in New York.
    const newYork = renderIn(<UsageBarChart series={days} label="x" />, 'en', 'America/New_York');
    expect(newYork).toContain('<td class="px-2 py-1">Dec 5, 2026</td>');
    expect(newYork).toContain('Day (UTC)');
  });

  it('names hours in the reader’s time zone, and says which', () => {
    const html = renderIn(<UsageBarChart series={hours} label="Uses of Staging" />, 'en', 'Europe/Bucharest');
    expect(html).toContain('Dec 5, 15:00');
    expect(html).toContain('Hour (Europe/Bucharest)');
    expect(html).toContain('1 use in all, per hour (Europe/Bucharest).');
  });

  it('says when usage will arrive when there is none', () => {
    const html = renderWithIntl(<UsageBarChart series={none} label="Uses of Staging" />);
    expect(html).toContain('No uses counted in this range.');
    expect(html).toContain('new uses arrive with the next collection, every 2 minutes.');
  });

  it('reads in Romanian, with Romanian plurals, numbers and dates', () => {
    const html = renderWithIntl(<UsageBarChart series={days} label="Utilizări pentru Magazin Popescu" />, 'ro');
    expect(html).toContain(
      'aria-label="Utilizări pentru Magazin Popescu: 1.524 de utilizări între 6 nov. 2026 și 5 dec. 2026, cel mult 1.234 într-o zi"',
    );
    expect(html).toContain('1.524 de utilizări în total, pe zi (UTC).');
    expect(html).toContain('Ziua (UTC)');
    expect(html).toContain('Afișează cifrele');
    expect(renderWithIntl(<UsageBarChart series={none} label="x" />, 'ro')).toContain(
      'utilizările noi apar după următoarea colectare, care rulează la fiecare 2 minute.',
    );
  });
});

describe('the usage tables and controls', () => {
  it('word the keys in the reader’s language', () => {
    const en = renderWithIntl(<UsageKeysTable filter={filter()} rows={[key]} total={150} />);
    for (const text of [
      'Uses in 30 days',
      'Default Key',
      '1,234',
      '12,345',
      'last from',
      'Showing the first 1 of 150 keys',
    ])
      expect(en).toContain(text);
    const ro = renderWithIntl(<UsageKeysTable filter={filter({ range: '7d' })} rows={[key]} total={1} />, 'ro');
    for (const text of ['Utilizări în ultimele 7 zile', '1.234', '12.345', 'De câte ori a fost utilizată', '1 cheie.'])
      expect(ro).toContain(text);
  });

  it('say why a view has no key, and when one would appear', () => {
    const empty = (keys: string, locale: Locale = 'en') =>
      renderWithIntl(<UsageKeysTable filter={filter({ keys })} rows={[]} total={0} />, locale);
    expect(empty('all')).toContain('when the next collection (every 2 minutes) finds it on sendSMS');
    expect(empty('idle-60')).toContain('every key was used in the last 60 days, or is younger than that.');
    expect(empty('never-used')).toContain('every key has been used at least once.');
    expect(empty('refused')).toContain('no call was refused in this range.');
    expect(empty('idle-30', 'ro')).toContain('fiecare cheie a fost utilizată în ultimele 30 de zile');
    expect(empty('all')).toContain('0 keys.');
  });

  it('show each account’s collection and credential', () => {
    const en = renderWithIntl(<UsageAccountsTable filter={filter()} accounts={[account]} />);
    expect(en).toContain('failing (2 in a row)');
    expect(en).toContain('Password · 26 days old');
    const ro = renderWithIntl(
      <UsageAccountsTable filter={filter()} accounts={[{ ...account, collection: null }]} />,
      'ro',
    );
    expect(ro).toContain('Parolă · vechime 26 de zile');
    expect(ro).toContain('prima colectare este în așteptare: colectările rulează la fiecare 2 minute');
    expect(renderWithIntl(<UsageAccountsTable filter={filter()} accounts={[]} />, 'ro')).toContain(
      'Nu sunteți încă membru al niciunui cont sendSMS.',
    );
  });

  it('name the ranges and key sets', () => {
    const en = renderWithIntl(
      <>
        <UsageRangePicker filter={filter()} />
        <UsageKeySetPicker filter={filter()} />
        <UsageFilters filter={filter()} accounts={[]} />
      </>,
    );
    for (const text of ['aria-label="Range"', '>30 days<', 'aria-label="Which keys"', '>Idle 30 days<', 'Export CSV'])
      expect(en).toContain(text);
    const ro = renderWithIntl(
      <>
        <UsageRangePicker filter={filter()} />
        <UsageKeySetPicker filter={filter()} />
        <UsageFilters filter={filter()} accounts={[]} />
      </>,
      'ro',
    );
    for (const text of ['>24 de ore<', '>12 luni<', '>Neutilizate de 90 de zile<', 'Exportă CSV', 'Toate conturile'])
      expect(ro).toContain(text);
  });
});

describe('credential health', () => {
  it('says what to act on, in a sentence with its account', () => {
    const en = renderWithIntl(<UsageAttention items={attention} />);
    expect(en).toContain('href="/accounts/acct-1/api-keys"');
    expect(en).toContain('The password expires in 4 days. Store an account API key instead: it does not expire.');
    expect(en).toContain(
      'The last 2 collections failed: sendSMS did not answer in time. The collection backs off and tries again at 14:05 UTC.',
    );
    expect(en).toContain('(its sendSMS has no token_list)');
    const ro = renderIn(<UsageAttention items={attention} />, 'ro', 'Europe/Bucharest');
    expect(ro).toContain('Parola expiră peste 4 zile.');
    expect(ro).toContain('Ultimele 2 colectări au eșuat: sendSMS did not answer in time.');
    expect(ro).toMatch(/următoarea încercare: 16:05 (EET|GMT\+2)\./);
    expect(renderWithIntl(<UsageAttention items={[]} />, 'ro')).toContain('Nimic nu necesită atenție');
  });

  it('words a known failure of the collection in the reader’s language', () => {
    const network: ProblemView = { condition: { code: 'network', nothingChanged: true }, message: 'English as stored' };
    const failing: UsageAttentionView = {
      accountId: 'acct-1',
      accountLabel: 'Magazin Popescu',
      kind: 'collection-failing',
      failureCount: 1,
      lastProblem: network,
      nextRunAt: null,
    };
    const ro = renderWithIntl(<UsageAttention items={[failing]} />, 'ro');
    expect(ro).toContain('Conexiunea cu sendSMS a eșuat sau a fost întreruptă înainte de răspuns.');
    expect(ro).not.toContain('English as stored');
    const table = renderWithIntl(
      <UsageAccountsTable
        filter={filter()}
        accounts={[{ ...account, collection: { ...account.collection!, lastProblem: network } }]}
      />,
      'ro',
    );
    expect(table).toContain('Panoul nu a modificat nimic.');
    expect(table).not.toContain('English as stored');
  });
});
