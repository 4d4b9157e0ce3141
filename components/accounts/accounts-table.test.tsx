import type { ReactNode } from 'react';
import { QueryClient, QueryClientProvider } from '@tanstack/react-query';
import { describe, expect, it, vi } from 'vitest';

import type { Locale } from '@/i18n/locales';
import type { AccountSummary } from '@/lib/accounts/account-summary';
import { credentialHealth } from '@/lib/accounts/credential-health';
import { renderWithIntl } from '@/test/support/with-intl';
import { AccountsTable } from './accounts-table';

vi.mock('next/navigation', () => ({ useRouter: () => ({ refresh: () => undefined, push: () => undefined }) }));

const NOW = new Date('2026-12-04T12:00:00Z');
const daysAgo = (days: number) => new Date(NOW.getTime() - days * 86_400_000);

function account(overrides: Partial<AccountSummary> & Pick<AccountSummary, 'id' | 'label'>): AccountSummary {
  return {
    username: 'demo',
    credentialKind: 'API_KEY',
    credentialRotatedAt: daysAgo(3).toISOString(),
    credentialHealth: credentialHealth('API_KEY', daysAgo(3), NOW),
    apiBaseUrl: 'https://api.sendsms.ro/json',
    balance: 1234.5,
    balanceCheckedAt: '2026-12-04T09:30:00.000Z',
    capabilities: {},
    ...overrides,
  };
}

const ACCOUNTS: AccountSummary[] = [
  account({ id: 'a1', label: 'Demo shop', capabilities: { token_list: 'supported', token_delete: 'unsupported' } }),
  account({
    id: 'a2',
    label: 'Demo logistics',
    credentialKind: 'PASSWORD',
    credentialHealth: credentialHealth('PASSWORD', daysAgo(25), NOW),
    balance: null,
    balanceCheckedAt: null,
  }),
  account({
    id: 'a3',
    label: 'Demo old',
    credentialKind: 'PASSWORD',
    credentialHealth: credentialHealth('PASSWORD', daysAgo(40), NOW),
  }),
];

function render(node: ReactNode, locale: Locale = 'en'): string {
  return renderWithIntl(<QueryClientProvider client={new QueryClient()}>{node}</QueryClientProvider>, locale);
}

const table = (locale: Locale = 'en', denied: string | null = null) =>
  render(<AccountsTable accounts={ACCOUNTS} rotateDenied={() => denied} />, locale);

describe('AccountsTable', () => {
  it('names its columns, balances, credentials and capabilities in English', () => {
    const html = table();
    expect(html).toContain('aria-label="sendSMS accounts"');
    for (const header of ['Account', 'Balance', 'Credential', 'Capabilities']) expect(html).toContain(`>${header}<`);
    expect(html).toContain('1,234.50');
    expect(html).toMatch(/checked (4 Dec|Dec 4,) 2026/);
    expect(html).toContain('not checked yet');
    expect(html).toContain('API key · 3 days old');
    expect(html).toContain('Password · 25 days old');
    expect(html).toContain('The password expires in 5 days. Store an account API key instead: it does not expire.');
    // The same sentences lib/accounts/credential-health.ts writes for the server.
    for (const summary of ACCOUNTS) {
      if (summary.credentialHealth.advice) expect(html).toContain(summary.credentialHealth.advice);
    }
    expect(html).toContain('supported');
    expect(html).toContain('unsupported');
    expect(html).toContain('not probed yet');
    expect(html).toContain('Rotate credential');
  });

  it('reads in Romanian', () => {
    const html = table('ro');
    expect(html).toContain('aria-label="Conturi sendSMS"');
    for (const header of ['Cont', 'Sold', 'Date de conectare']) expect(html).toContain(`>${header}<`);
    expect(html).toContain('1.234,50');
    expect(html).toContain('verificat pe 4 dec. 2026');
    expect(html).toContain('neverificat încă');
    expect(html).toContain('Cheie API · setată acum 3 zile');
    expect(html).toContain('Parolă · setată acum 25 de zile');
    expect(html).toContain('Parola expiră în 5 zile.');
    expect(html).toContain('Parola a fost setată acum 40 de zile și probabil a expirat.');
    expect(html).toContain('disponibilă');
    expect(html).toContain('Înlocuiește datele de conectare');
    expect(html).not.toContain('Rotate credential');
  });

  it('shows why the rotate button is disabled as text beside it, not in a tooltip', () => {
    const html = table('en', 'Support staff cannot manage sendSMS accounts');
    expect(html).toMatch(/<button[^>]* disabled=""[^>]*>Rotate credential<\/button>/);
    expect(html).toMatch(
      /<span id="[^"]+" data-testid="disabled-reason"[^>]*>Support staff cannot manage sendSMS accounts</,
    );
    expect(html).not.toContain('role="tooltip"');
    expect(html).not.toMatch(/<span tabindex/);
  });
});
