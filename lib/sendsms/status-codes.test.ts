import { describe, expect, it } from 'vitest';
import { LOCALES } from '@/i18n/locales';
import { explainStatus } from '@/lib/sendsms/errors';
import { describeStatus, normaliseStatus, STATUS_CODES } from '@/lib/sendsms/status-codes';
import { MESSAGES } from '@/messages';

const CONTRACT_TABLE = [0, 1, 2, -1, -2, -4, -8, -16, -32, -64, -128, -256, -512, -1024, -2048, -4096, -8192];

describe('the status-code table', () => {
  it('has every code of the contract, each explained in English and Romanian, no two alike', () => {
    expect(
      Object.values(STATUS_CODES)
        .map((entry) => entry.status)
        .sort((a, b) => a - b),
    ).toEqual([...CONTRACT_TABLE].sort((a, b) => a - b));
    const english = new Set<string>();
    const romanian = new Set<string>();
    for (const status of CONTRACT_TABLE) {
      const described = describeStatus(status);
      expect(described.name).not.toMatch(/^unknown/);
      const explanation = explainStatus(status);
      expect(explanation.en.length).toBeGreaterThan(10);
      expect(explanation.ro.length).toBeGreaterThan(10);
      expect(explanation.ro).not.toBe(explanation.en);
      english.add(explanation.en);
      romanian.add(explanation.ro);
    }
    expect(english.size).toBe(CONTRACT_TABLE.length);
    expect(romanian.size).toBe(CONTRACT_TABLE.length);
  });

  it('names a meaning in the status messages of both languages for every code, and no meaning for a code it lacks', () => {
    const names = [...Object.keys(STATUS_CODES), 'unknown_error', 'unknown_success'].sort();
    for (const locale of LOCALES) {
      // answer.*: what the browser says when the dashboard's own answer carries no sentence (components/api).
      expect(
        Object.keys(MESSAGES[locale].status)
          .filter((key) => key !== 'answer')
          .sort(),
        locale,
      ).toEqual(names);
      for (const name of names)
        expect(MESSAGES[locale].status[name as keyof (typeof MESSAGES)['en']['status']]).toBeTruthy();
    }
  });

  it('reads the .NET spelling -8191 as -8192', () => {
    expect(normaliseStatus(-8191)).toBe(-8192);
    expect(describeStatus(-8191)).toMatchObject({ status: -8192, name: 'too_many_requests' });
  });

  it('explains an unknown code in both languages, naming the number', () => {
    expect(describeStatus(-99).name).toBe('unknown_error');
    expect(explainStatus(-99).en).toContain('-99');
    expect(explainStatus(-99).ro).toContain('-99');
    expect(describeStatus(7).name).toBe('unknown_success');
    expect(explainStatus(7)).toEqual({ en: 'The request succeeded (status 7).', ro: 'Cererea a reușit (cod 7).' });
  });
});
