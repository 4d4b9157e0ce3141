import type { ReactNode } from 'react';
import { QueryClient, QueryClientProvider } from '@tanstack/react-query';
import { describe, expect, it, vi } from 'vitest';

import type { Locale } from '@/i18n/locales';
import type { BuilderAccountOption } from '@/lib/request-builder/builder-options';
import { renderWithIntl } from '@/test/support/with-intl';
import { RequestBuilder, type RequestBuilderProps } from './request-builder';

vi.mock('next/navigation', () => ({ useRouter: () => ({ refresh: () => undefined, push: () => undefined }) }));

const ACCOUNT: BuilderAccountOption = {
  id: 'shop',
  label: 'Demo shop',
  username: 'demo',
  apiBaseUrl: 'https://api.sendsms.ro/json',
  actions: ['token_add_ip', 'token_list_ips', 'user_get_balance', 'ping'],
  keys: [
    {
      id: 'k1',
      name: 'Website orders',
      kind: 'DEFAULT',
      fragment: '…a1b2',
      lockState: { state: 'locked', since: '2026-03-12T10:00:00.000Z' },
      held: true,
    },
    {
      id: 'k2',
      name: 'Listed only',
      kind: 'CLOUD',
      fragment: '…c3d4',
      lockState: { state: 'unrestricted' },
      held: false,
    },
  ],
};

function render(props: Partial<RequestBuilderProps>, locale: Locale = 'en'): string {
  const node: ReactNode = (
    <RequestBuilder
      accounts={[ACCOUNT]}
      writeDenied={{ shop: null }}
      clientIp="10.0.0.9"
      history={[]}
      initial={{ action: 'token_add_ip', keyId: 'k1' }}
      {...props}
    />
  );
  return renderWithIntl(<QueryClientProvider client={new QueryClient()}>{node}</QueryClientProvider>, locale);
}

describe('RequestBuilder', () => {
  it('keeps the hub’s words in English', () => {
    const html = render({});
    expect(html).toContain('aria-label="Api Request Builder"');
    expect(html).toContain('sendSMS account');
    expect(html).toContain('API key (token)');
    expect(html).toContain('Website orders · Default · …a1b2 · locked since Mar 12, 2026');
    expect(html).toContain('Listed only · Cloud · …c3d4 · no IP restriction · secret not held here');
    expect(html).toContain('Add a new whitelisted IP');
    expect(html).toContain('Parameters: ipaddr.');
    expect(html).toContain('the account (username, password and the key as <code>token</code>)');
    expect(html).toContain('the key itself (the key as <code>password</code>)');
    expect(html).toContain('The dashboard sees this browser at 10.0.0.9, which is not a public address');
    expect(html).toContain('>Test request<');
    expect(html).toContain('Requests made here');
  });

  it('renders in Romanian, keeping Api Request Builder, Test request and the parameter names', () => {
    const html = render({}, 'ro');
    expect(html).toContain('aria-label="Api Request Builder"');
    expect(html).toContain('Cont sendSMS');
    expect(html).toContain('>username<');
    expect(html).toContain('Completat din cont, ca pe platforma sendSMS.');
    expect(html).toContain('Cheie API (token)');
    expect(html).toContain('Alegeți o cheie…');
    expect(html).toContain('Website orders · Default · …a1b2 · blocată din 12 mar. 2026');
    expect(html).toContain('Listed only · Cloud · …c3d4 · fără restricție de IP · secretul nu este păstrat aici');
    expect(html).toContain('Whitelistează un IP nou');
    expect(html).toContain('Parametri: ipaddr.');
    expect(html).toContain('Trimiteți request-ul folosind');
    expect(html).toContain('contul (numele de utilizator, parola și cheia ca <code>token</code>)');
    expect(html).toContain('Panoul vede acest browser la adresa 10.0.0.9');
    expect(html).toContain('>Test request<');
    expect(html).toContain('Request-uri trimise de aici');
    expect(html).not.toMatch(/Pick a key|Send the request as|Requests made here|sendSMS account/);
  });

  it('says in Romanian why the request cannot be sent yet', () => {
    expect(render({ initial: { action: 'token_add_ip', keyId: 'k2' } }, 'ro')).toContain(
      'Panoul nu deține secretul acestei chei',
    );
    expect(render({ initial: { action: 'token_add_ip', keyId: 'k1' } }, 'ro')).toContain(
      'Corectați mai întâi parametrii',
    );
    const denied = render(
      { writeDenied: { shop: 'Personalul de suport nu poate rula request-uri care modifică o cheie' } },
      'ro',
    );
    expect(denied).toContain('Personalul de suport nu poate rula request-uri care modifică o cheie');
  });

  it('checks the prefilled ipaddr in the reader’s language', () => {
    const html = render({ initial: { action: 'token_add_ip', keyId: 'k1', ipaddr: '300.1.2.3' } }, 'ro');
    expect(html).toContain('„300” este mai mare decât 255, cel mai mare număr dintr-o adresă IPv4');
    const warned = render({ initial: { action: 'token_add_ip', keyId: 'k1', ipaddr: '10.0.0.5' } });
    expect(warned).toContain(
      'sendSMS sees the public address your integration calls from; 10.0.0.5 is a private address, used only inside a local network (10.0.0.0/8).',
    );
  });

  it('says so when there is no account to send requests for', () => {
    expect(render({ accounts: [] }, 'ro')).toContain('Nu există încă niciun cont sendSMS');
  });
});
