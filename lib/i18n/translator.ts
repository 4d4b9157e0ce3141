// use-intl's core, not next-intl: this runs in plain Node too (npm start's tsx scripts, the worker), where next-intl's
// entry needs React's client APIs.
import { createFormatter, createTranslator, type NamespaceKeys, type NestedKeyOf } from 'use-intl/core';

import { FORMATS } from '@/i18n/formats';
import type { Locale } from '@/i18n/locales';
import { MESSAGES, type Messages } from '@/messages';

/**
 * Messages for server code that runs outside a page's render (an API error, a CSV header, an audit sentence, a
 * background job): the same messages next-intl gives components, in the language the caller names. Inside a page
 * or a route handler, next-intl's getTranslations() reads the request's language itself.
 */
export function translatorFor<N extends NamespaceKeys<Messages, NestedKeyOf<Messages>>>(locale: Locale, namespace: N) {
  return createTranslator({ locale, messages: MESSAGES[locale], namespace, formats: FORMATS });
}

/** Numbers and dates for the same code, in the language and time zone the caller names. */
export function formatterFor(locale: Locale, timeZone: string) {
  return createFormatter({ locale, timeZone, formats: FORMATS });
}
