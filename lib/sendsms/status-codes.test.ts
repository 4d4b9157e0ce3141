import { describe, expect, it } from 'vitest';
import { describeStatus, normaliseStatus, STATUS_CODES } from '@/lib/sendsms/status-codes';

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
      expect(described.explanation.en.length).toBeGreaterThan(10);
      expect(described.explanation.ro.length).toBeGreaterThan(10);
      expect(described.explanation.ro).not.toBe(described.explanation.en);
      english.add(described.explanation.en);
      romanian.add(described.explanation.ro);
    }
    expect(english.size).toBe(CONTRACT_TABLE.length);
    expect(romanian.size).toBe(CONTRACT_TABLE.length);
  });

  it('reads the .NET spelling -8191 as -8192', () => {
    expect(normaliseStatus(-8191)).toBe(-8192);
    expect(describeStatus(-8191)).toMatchObject({ status: -8192, name: 'too_many_requests' });
  });

  it('explains an unknown negative code in both languages, naming the number', () => {
    const described = describeStatus(-99);
    expect(described.name).toBe('unknown_error');
    expect(described.explanation.en).toContain('-99');
    expect(described.explanation.ro).toContain('-99');
  });
});
