import { QueryClient, QueryClientProvider } from '@tanstack/react-query';
import { describe, expect, it } from 'vitest';

import type { Locale } from '@/i18n/locales';
import { renderWithIntl } from '@/test/support/with-intl';
import { SignInForm } from './sign-in-form';

const form = (locale: Locale, initialError: string | null = null) =>
  renderWithIntl(
    <QueryClientProvider client={new QueryClient()}>
      <SignInForm onSignedIn={() => undefined} initialError={initialError} />
    </QueryClientProvider>,
    locale,
  );

describe('SignInForm', () => {
  it('labels its fields and button in English and says why the page was opened', () => {
    const html = form('en', 'session-expired');
    expect(html).toContain('>Email<');
    expect(html).toContain('>Password<');
    expect(html).toMatch(/<button[^>]*type="submit"[^>]*>Sign in<\/button>/);
    expect(html).toContain('Your session has ended. Sign in again to continue.');
  });

  it('reads in Romanian, the error from its code included', () => {
    const html = form('ro', 'locked-out:3');
    expect(html).toContain('>E-mail<');
    expect(html).toContain('>Parolă<');
    expect(html).toMatch(/<button[^>]*type="submit"[^>]*>Autentificare<\/button>/);
    expect(html).toMatch(
      /role="alert"[^>]*>Prea multe autentificări eșuate .* Așteptați 3 minute, apoi încercați din nou\./,
    );
  });

  it('shows no alert without an error', () => {
    expect(form('en')).not.toContain('role="alert"');
  });
});
