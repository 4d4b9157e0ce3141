import { DEFAULT_TIME_ZONE, isLocale, isTimeZone, type Locale } from '@/i18n/locales';
import { localeFromAcceptLanguage } from '@/i18n/negotiate';

export interface RequestPreferences {
  locale: Locale;
  timeZone: string;
}

/** What the user chose, as kept on their account: null until they choose. */
export interface StoredPreferences {
  locale: string | null;
  timeZone: string | null;
}

/**
 * Which language and zone a request is answered in. The language: the signed-in user's choice kept on their
 * account, else the cookie set by the language switch before sign-in, else the browser's Accept-Language, else
 * English. The zone: the user's choice, else the browser's own zone (a cookie the browser sets on its first visit),
 * else UTC. Anything unusable (a cookie someone edited, a zone this runtime does not know) is passed over, never an
 * error.
 */
export function preferencesFrom(sources: {
  stored: StoredPreferences | null;
  localeCookie: string | undefined;
  timeZoneCookie: string | undefined;
  acceptLanguage: string | null;
}): RequestPreferences {
  const { stored, localeCookie, timeZoneCookie, acceptLanguage } = sources;
  const locale = [stored?.locale, localeCookie].find(isLocale) ?? localeFromAcceptLanguage(acceptLanguage);
  const timeZone = [stored?.timeZone, timeZoneCookie].find(isTimeZone) ?? DEFAULT_TIME_ZONE;
  return { locale, timeZone };
}
