import { getRequestConfig } from 'next-intl/server';

import { FORMATS } from '@/i18n/formats';
import { isLocale } from '@/i18n/locales';
import { requestPreferences } from '@/i18n/server/request-preferences';
import { MESSAGES } from '@/messages';

/**
 * next-intl's configuration for each request (server components, route handlers, metadata): the person's language
 * and time zone (i18n/request-preferences.ts) with that language's messages. No locale in the URL: the dashboard
 * answers one address in the language its reader chose.
 */
export default getRequestConfig(async ({ locale: explicit }) => {
  const preferences = await requestPreferences();
  const locale = isLocale(explicit) ? explicit : preferences.locale;
  return { locale, timeZone: preferences.timeZone, messages: MESSAGES[locale], formats: FORMATS };
});
