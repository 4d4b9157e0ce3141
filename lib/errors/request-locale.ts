import { LOCALE_COOKIE, type Locale } from '@/i18n/locales';
import { preferencesFrom, type StoredPreferences } from '@/i18n/preferences';

/**
 * The language a request's error is answered in, read from the request itself: the signed-in user's choice when
 * the caller has it (withPermission reads it with the session), else the language cookie, else Accept-Language, else
 * English (i18n/preferences.ts decides). Pure: the proxy, which runs before any request context, uses it too.
 */
export function requestLocale(
  request: { cookies: { get(name: string): { value: string } | undefined }; headers: Headers },
  stored: StoredPreferences | null = null,
): Locale {
  return preferencesFrom({
    stored,
    localeCookie: request.cookies.get(LOCALE_COOKIE)?.value,
    timeZoneCookie: undefined,
    acceptLanguage: request.headers.get('accept-language'),
  }).locale;
}
