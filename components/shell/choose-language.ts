'use client';

import { api } from '@/components/api/api-client';
import { LOCALE_COOKIE, PREFERENCE_COOKIE_MAX_AGE, type Locale } from '@/i18n/locales';

/**
 * Keeps a language choice where it lasts: on the account of a signed-in user (the server also sets the cookie), or,
 * before sign-in, in the browser's cookie alone. The caller refreshes the page so the server renders it again.
 */
export async function chooseLanguage(locale: Locale, signedIn: boolean): Promise<void> {
  if (signedIn) {
    await api.put('/api/preferences', { locale });
    return;
  }
  document.cookie = `${LOCALE_COOKIE}=${locale}; path=/; max-age=${PREFERENCE_COOKIE_MAX_AGE}; samesite=lax`;
}
