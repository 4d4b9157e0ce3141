/**
 * The dashboard's languages and where a person's choice is kept. Safe for the browser and the server alike: no
 * imports. English keeps the sendSMS hub's own words; Romanian follows the provider's Romanian guides.
 */

export const LOCALES = ['en', 'ro'] as const;
export type Locale = (typeof LOCALES)[number];
export const DEFAULT_LOCALE: Locale = 'en';

/** Each language named in itself, as a language switch shows it. */
export const LOCALE_NAMES: Record<Locale, string> = { en: 'English', ro: 'Română' };

/** The language before sign-in (and a signed-in user's, mirrored so the login page after sign-out keeps it). */
export const LOCALE_COOKIE = 'NEXT_LOCALE';
/** The browser's own time zone, set by the browser itself on its first visit: the default until a user picks one. */
export const TIME_ZONE_COOKIE = 'sendsms-tz';
/** A year: a language choice is not something to ask for again. */
export const PREFERENCE_COOKIE_MAX_AGE = 365 * 24 * 60 * 60;
/** Where nothing else says: what the dashboard showed before it knew zones. */
export const DEFAULT_TIME_ZONE = 'UTC';

export function isLocale(value: unknown): value is Locale {
  return typeof value === 'string' && (LOCALES as readonly string[]).includes(value);
}

/** Whether the runtime knows `value` as an IANA time zone ("Europe/Bucharest"). */
export function isTimeZone(value: unknown): value is string {
  if (typeof value !== 'string' || value.length === 0 || value.length > 64) return false;
  try {
    new Intl.DateTimeFormat('en', { timeZone: value });
    return true;
  } catch {
    return false;
  }
}
