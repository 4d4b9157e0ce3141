import type { FORMATS } from '@/i18n/formats';
import type { Locale } from '@/i18n/locales';
import type { Messages } from '@/messages';

// next-intl checks every message key and named format against these at compile time.
declare module 'next-intl' {
  interface AppConfig {
    Locale: Locale;
    Messages: Messages;
    Formats: typeof FORMATS;
  }
}
