import { describe, expect, it } from 'vitest';

import { formatterFor, translatorFor } from '@/lib/i18n/translator';

describe('translatorFor', () => {
  it('says a status meaning in the language asked for', () => {
    expect(translatorFor('en', 'status')('ok')).toBe('The request succeeded.');
    expect(translatorFor('ro', 'status')('unknown_error', { status: -99 })).toContain('-99');
  });

  it('formats numbers and times in the locale and zone asked for', () => {
    expect(formatterFor('ro', 'UTC').number(1204)).toBe('1.204');
    expect(formatterFor('en', 'UTC').number(1204)).toBe('1,204');
    const at = new Date('2026-12-04T13:23:20Z');
    expect(formatterFor('ro', 'Europe/Bucharest').dateTime(at, 'exactWithZone')).toMatch(/15:23:20/);
  });
});
