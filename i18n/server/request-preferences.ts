import 'server-only';
import { cookies, headers } from 'next/headers';
import { cache } from 'react';

import { LOCALE_COOKIE, TIME_ZONE_COOKIE } from '@/i18n/locales';
import { preferencesFrom, type RequestPreferences } from '@/i18n/preferences';
import { getSessionState } from '@/lib/auth/session';

/**
 * The language and time zone this request is answered in (i18n/preferences.ts says which source wins), read once
 * per request: the page guard and next-intl share the one session lookup.
 */
export const requestPreferences = cache(async (): Promise<RequestPreferences> => {
  const [cookieStore, headerStore, session] = await Promise.all([cookies(), headers(), getSessionState()]);
  return preferencesFrom({
    stored: session?.preferences ?? null,
    localeCookie: cookieStore.get(LOCALE_COOKIE)?.value,
    timeZoneCookie: cookieStore.get(TIME_ZONE_COOKIE)?.value,
    acceptLanguage: headerStore.get('accept-language'),
  });
});
