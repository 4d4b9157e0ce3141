import { describe, expect, it } from 'vitest';

import { localeFromAcceptLanguage } from '@/i18n/negotiate';

describe('localeFromAcceptLanguage', () => {
  it('takes Romanian from a Romanian browser', () => {
    expect(localeFromAcceptLanguage('ro-RO,ro;q=0.9,en-US;q=0.8,en;q=0.7')).toBe('ro');
  });

  it('follows the quality order, not the written order', () => {
    expect(localeFromAcceptLanguage('en;q=0.5,ro;q=0.9')).toBe('ro');
    expect(localeFromAcceptLanguage('de-DE,en;q=0.8,ro;q=0.7')).toBe('en');
  });

  it('falls back to English for no header, unknown languages and garbage', () => {
    expect(localeFromAcceptLanguage(null)).toBe('en');
    expect(localeFromAcceptLanguage('de-DE,fr;q=0.9')).toBe('en');
    expect(localeFromAcceptLanguage(';;;,q=,\u0000')).toBe('en');
    expect(localeFromAcceptLanguage('ro;q=0')).toBe('en');
  });
});
