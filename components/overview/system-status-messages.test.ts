import { describe, expect, it } from 'vitest';

import { translatorFor } from '@/lib/i18n/translator';

/** The system status's sentences (components/overview/system-status.tsx, a server component reading the database). */
describe('the system status', () => {
  it('counts what it manages in English as the end-to-end test reads it', () => {
    const t = translatorFor('en', 'overview');
    expect(t('systemStatus.counts', { accounts: 2, keys: 6, users: 1 })).toMatch(
      /^2 sendSMS accounts, 6 API keys, 1 user$/,
    );
    expect(t('systemStatus.counts', { accounts: 1, keys: 1234, users: 3 })).toBe(
      '1 sendSMS account, 1,234 API keys, 3 users',
    );
    expect(t('systemStatus.answering', { latency: 1500 })).toBe('answering (1,500 ms)');
  });

  it('counts in Romanian with its three plural forms', () => {
    const t = translatorFor('ro', 'overview');
    expect(t('systemStatus.counts', { accounts: 1, keys: 6, users: 21 })).toBe(
      '1 cont sendSMS, 6 chei API, 21 de utilizatori',
    );
    expect(t('systemStatus.counts', { accounts: 2, keys: 1, users: 0 })).toBe(
      '2 conturi sendSMS, 1 cheie API, 0 utilizatori',
    );
    expect(t('systemStatus.answering', { latency: 1500 })).toBe('răspunde (1.500 ms)');
  });
});
