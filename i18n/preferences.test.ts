import { describe, expect, it } from 'vitest';

import { preferencesFrom } from '@/i18n/preferences';

const none = { stored: null, localeCookie: undefined, timeZoneCookie: undefined, acceptLanguage: null };

describe('preferencesFrom', () => {
  it('defaults to English in UTC', () => {
    expect(preferencesFrom(none)).toEqual({ locale: 'en', timeZone: 'UTC' });
  });

  it('takes the browser language, then the cookie, then the account', () => {
    expect(preferencesFrom({ ...none, acceptLanguage: 'ro-RO' }).locale).toBe('ro');
    expect(preferencesFrom({ ...none, acceptLanguage: 'ro-RO', localeCookie: 'en' }).locale).toBe('en');
    const stored = { locale: 'ro', timeZone: 'Europe/Bucharest' };
    expect(preferencesFrom({ ...none, stored, localeCookie: 'en', timeZoneCookie: 'America/New_York' })).toEqual({
      locale: 'ro',
      timeZone: 'Europe/Bucharest',
    });
  });

  it('passes over values it cannot use', () => {
    const stored = { locale: 'xx', timeZone: 'Mars/Olympus' };
    expect(preferencesFrom({ ...none, stored, localeCookie: '<script>', timeZoneCookie: 'Europe/Bucharest' })).toEqual({
      locale: 'en',
      timeZone: 'Europe/Bucharest',
    });
  });
});
