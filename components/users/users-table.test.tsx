import type { ReactNode } from 'react';
import { QueryClient, QueryClientProvider } from '@tanstack/react-query';
import { describe, expect, it, vi } from 'vitest';

import type { Locale } from '@/i18n/locales';
import { ROLE_NAMES, type Role } from '@/lib/auth/role-names';
import type { UserSummary } from '@/lib/users/user-service';
import { translatorFor } from '@/lib/i18n/translator';
import { renderWithIntl } from '@/test/support/with-intl';
import { ROLE_NAME_KEYS } from './role-names';
import { UsersTable } from './users-table';

vi.mock('next/navigation', () => ({ useRouter: () => ({ refresh: () => undefined, push: () => undefined }) }));

function user(overrides: Partial<UserSummary> & Pick<UserSummary, 'id' | 'email' | 'role'>): UserSummary {
  return {
    name: overrides.email.split('@')[0]!,
    accountIds: [],
    twoFactorEnabled: false,
    disabled: false,
    signsInWithPassword: true,
    createdAt: '2026-12-01T10:00:00.000Z',
    ...overrides,
  };
}

const USERS = [
  user({ id: 'u1', email: 'admin@demo.local', role: 'ADMIN', accountIds: ['a1', 'a2'], twoFactorEnabled: true }),
  user({ id: 'u2', email: 'support@demo.local', role: 'SUPPORT' }),
  user({ id: 'u3', email: 'lead@demo.local', role: 'LEAD', disabled: true }),
];
const ACCOUNTS = [
  { id: 'a1', label: 'Demo shop' },
  { id: 'a2', label: 'Demo logistics' },
];

function render(node: ReactNode, locale: Locale): string {
  return renderWithIntl(<QueryClientProvider client={new QueryClient()}>{node}</QueryClientProvider>, locale);
}

function table(locale: Locale = 'en'): string {
  const t = translatorFor(locale, 'users');
  const roles = (['ADMIN', 'LEAD'] as const).map((role) => [role, t(ROLE_NAME_KEYS[role])] as const);
  return render(<UsersTable users={USERS} accounts={ACCOUNTS} roles={roles} adminId="u1" />, locale);
}

describe('UsersTable', () => {
  it('names roles, accounts and sign-in state in English', () => {
    const html = table();
    expect(html).toContain('aria-label="Users"');
    for (const header of ['User', 'Role', 'Accounts', 'Sign-in']) expect(html).toContain(`>${header}<`);
    expect(html).toContain('>Account admin<');
    expect(html).toContain('>Support staff<');
    expect(html).toContain('Demo shop, Demo logistics');
    expect(html).toContain('every account (read-only)');
    expect(html).toContain('>2FA on<');
    expect(html).toContain('>Disabled<');
    expect(html).toContain('Disable support@demo.local');
    expect(html).toContain('Role of lead@demo.local');
  });

  it('reads in Romanian', () => {
    const html = table('ro');
    expect(html).toContain('aria-label="Utilizatori"');
    for (const header of ['Utilizator', 'Rol', 'Conturi', 'Autentificare']) expect(html).toContain(`>${header}<`);
    expect(html).toContain('>Administrator de cont<');
    expect(html).toContain('>Personal de suport<');
    expect(html).toContain('toate conturile (doar citire)');
    expect(html).toContain('>2FA activă<');
    expect(html).toContain('>Dezactivat<');
    expect(html).toContain('Dezactivează support@demo.local');
    expect(html).toContain('Rolul utilizatorului lead@demo.local');
    expect(html).not.toContain('Account admin');
  });

  it('names every role in English as lib/auth/role-names.ts does', () => {
    const t = translatorFor('en', 'users');
    for (const role of Object.keys(ROLE_NAMES) as Role[]) expect(t(ROLE_NAME_KEYS[role])).toBe(ROLE_NAMES[role]);
  });
});
