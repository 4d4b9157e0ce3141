import { NextIntlClientProvider } from 'next-intl';
import type { ReactNode } from 'react';
import { renderToStaticMarkup } from 'react-dom/server';

import { FORMATS } from '@/i18n/formats';
import type { Locale } from '@/i18n/locales';
import { MESSAGES } from '@/messages';

/**
 * Components render their words from messages: a component test renders them as the dashboard does, inside the
 * provider, in English unless it says otherwise, in UTC so that times do not depend on the machine.
 */
export function WithIntl({ children, locale = 'en' }: { children: ReactNode; locale?: Locale }) {
  return (
    <NextIntlClientProvider locale={locale} messages={MESSAGES[locale]} formats={FORMATS} timeZone="UTC">
      {children}
    </NextIntlClientProvider>
  );
}

export function renderWithIntl(node: ReactNode, locale: Locale = 'en'): string {
  return renderToStaticMarkup(<WithIntl locale={locale}>{node}</WithIntl>);
}
