import type { Metadata } from 'next';
import type { ReactNode } from 'react';
import { GeistMono } from 'geist/font/mono';
import { GeistSans } from 'geist/font/sans';
import { NextIntlClientProvider } from 'next-intl';
import { getTranslations } from 'next-intl/server';

import { QueryProvider } from '@/components/api/query-provider';
import { ThemeProvider } from '@/components/shell/theme-provider';
import { TimeZoneSync } from '@/components/shell/time-zone-sync';
import { Toaster } from '@/components/ui/toast';
import { FORMATS } from '@/i18n/formats';
import { requestPreferences } from '@/i18n/server/request-preferences';
import { clientMessages } from '@/messages';
import './globals.css';

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations('shell');
  return {
    title: { default: t('productName'), template: `%s · ${t('productName')}` },
    description: t('productDescription'),
  };
}

export default async function RootLayout({ children }: { children: ReactNode }) {
  const { locale, timeZone } = await requestPreferences();
  return (
    // next-themes sets the theme class on <html> before React hydrates, which React would otherwise report as a mismatch.
    <html lang={locale} suppressHydrationWarning className={`${GeistSans.variable} ${GeistMono.variable}`}>
      <body className="min-h-dvh bg-white font-sans text-zinc-900 antialiased dark:bg-zinc-950 dark:text-zinc-100">
        {/* The browser gets its own language's messages only, and the zone times are shown in. */}
        <NextIntlClientProvider locale={locale} timeZone={timeZone} formats={FORMATS} messages={clientMessages(locale)}>
          <ThemeProvider>
            <QueryProvider>{children}</QueryProvider>
            <Toaster />
          </ThemeProvider>
          <TimeZoneSync serverTimeZone={timeZone} />
        </NextIntlClientProvider>
      </body>
    </html>
  );
}
