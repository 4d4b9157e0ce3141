import { describe, expect, it } from 'vitest';

import type { Locale } from '@/i18n/locales';
import type { AuditFilterChoices } from '@/lib/audit-log/filter-choices';
import { renderWithIntl } from '@/test/support/with-intl';
import { AuditFilters } from './audit-filters';

const choices: AuditFilterChoices = {
  users: [{ id: 'user_ada', name: 'Ada Admin', email: 'ada@demo.local' }],
  accounts: [{ id: 'acc_shop', label: 'Demo shop', username: 'demo-shop' }],
  keys: [{ id: 'key_old', name: 'Old key', fragment: '…0001', deleted: true }],
};

const render = (props: Partial<Parameters<typeof AuditFilters>[0]> = {}, locale: Locale = 'en') =>
  renderWithIntl(
    <AuditFilters
      filter={{ page: 1 }}
      choices={choices}
      showsAnonymousRefusals
      exportHref="/api/audit/export"
      {...props}
    />,
    locale,
  );

describe('the audit filters', () => {
  it('pick users, accounts, keys and actions by name, with their ids as the values sent', () => {
    const html = render({ filter: { page: 1, accountId: 'acc_shop', actor: 'user_ada' } });
    expect(html).toContain('<option value="user_ada" selected="">Ada Admin (ada@demo.local)</option>');
    expect(html).toContain('<option value="acc_shop" selected="">Demo shop (demo-shop)</option>');
    expect(html).toContain('<option value="key_old">Old key · …0001 (deleted)</option>');
    expect(html).toContain('<option value="ip.authorize">IP authorized</option>');
    expect(html).toContain('<option value="denied">Refused</option>');
    expect(html).toContain('<option value="anonymous.refused">Refused without a session</option>');
  });

  it('list keys once an account is picked, and keep a value from the URL that the lists do not hold', () => {
    const html = render({ filter: { page: 1, actor: 'stranger@', action: 'auth.' }, showsAnonymousRefusals: false });
    expect(html).toMatch(/<select[^>]*name="keyId"[^>]*disabled=""/);
    expect(html).toContain('<option value="stranger@" selected="">Email containing “stranger@”</option>');
    expect(html).toContain('<option value="auth." selected="">Starting with “auth.”</option>');
    expect(html).not.toContain('anonymous.refused');
  });

  it('render in Romanian, the values sent unchanged', () => {
    const html = render({ filter: { page: 1, accountId: 'acc_shop', action: 'auth.' } }, 'ro');
    expect(html).toContain('aria-label="Filtrează jurnalul de audit"');
    expect(html).toContain('<option value="key_old">Old key · …0001 (ștearsă)</option>');
    expect(html).toContain('<option value="ip.authorize">IP autorizat</option>');
    expect(html).toContain('<option value="denied">Refuzat</option>');
    expect(html).toContain('<option value="" selected="">Orice rezultat</option>');
    expect(html).toContain('<option value="auth." selected="">Care începe cu „auth.”</option>');
    expect(html).toContain('Aplică filtrele');
    expect(html).toContain('Exportă CSV');
  });
});
