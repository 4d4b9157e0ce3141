import { QueryClient, QueryClientProvider } from '@tanstack/react-query';
import { describe, expect, it } from 'vitest';

import type { Locale } from '@/i18n/locales';
import { renderWithIntl } from '@/test/support/with-intl';
import { PasswordChangeForm } from './password-change-form';
import { TwoFactorEnrolment } from './two-factor-enrolment';

const render = (node: React.ReactNode, locale: Locale) =>
  renderWithIntl(<QueryClientProvider client={new QueryClient()}>{node}</QueryClientProvider>, locale);

describe('two-factor enrolment and password change', () => {
  it('start in English', () => {
    expect(render(<TwoFactorEnrolment />, 'en')).toContain('>Set up two-factor authentication</button>');
    const password = render(<PasswordChangeForm />, 'en');
    expect(password).toContain('>Current password<');
    expect(password).toContain('>Change password</button>');
  });

  it('read in Romanian', () => {
    expect(render(<TwoFactorEnrolment />, 'ro')).toContain('>Configurează autentificarea în doi pași</button>');
    const password = render(<PasswordChangeForm />, 'ro');
    expect(password).toContain('>Parola actuală<');
    expect(password).toContain('Cel puțin 12 caractere.');
    expect(password).toContain('>Schimbă parola</button>');
  });
});
