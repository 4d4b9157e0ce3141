import { describe, expect, it } from 'vitest';
import { authorizable, authorizeChecks } from '@/lib/keys/authorize-checks';
import { openRefusedCalls } from '@/lib/keys/refused-calls';

const lockedIp = (address: string) => ({
  address,
  reason: 'FIRST_USE' as const,
  addedAt: '2026-12-01T00:00:00.000Z',
  fetchedAt: '2026-12-01T00:00:00.000Z',
  informative: false,
});
const lockedKey = {
  kind: 'DEFAULT' as const,
  lockedAt: '2026-12-01T00:00:00.000Z',
  lockedIps: [lockedIp('203.0.113.10')],
};

describe('authorizeChecks', () => {
  it('passes a public address on a locked Default key with no warning', () => {
    const checks = authorizeChecks('8.8.4.4', lockedKey);
    expect(checks.map((check) => [check.id, check.verdict])).toEqual([
      ['address', 'ok'],
      ['range', 'ok'],
      ['lock', 'ok'],
    ]);
    expect(authorizable(checks)).toBe(true);
  });

  it('warns about a private address, and still lets it through', () => {
    const checks = authorizeChecks('192.168.1.20', lockedKey);
    expect(checks.find((check) => check.id === 'range')).toEqual({
      id: 'range',
      verdict: 'warning',
      code: 'special-range',
      address: '192.168.1.20',
      range: 'private',
      cidr: '192.168.0.0/16',
    });
    expect(authorizable(checks)).toBe(true);
  });

  it('refuses what is not one machine’s address, and garbage', () => {
    expect(authorizeChecks('0.0.0.0', lockedKey)).toEqual([
      {
        id: 'address',
        verdict: 'refused',
        code: 'not-authorizable',
        problem: { code: 'notAuthorizable', address: '0.0.0.0', range: 'unspecified' },
      },
    ]);
    expect(authorizable(authorizeChecks('0.0.0.0', lockedKey))).toBe(false);
    expect(authorizable(authorizeChecks('255.255.255.255', lockedKey))).toBe(false);
    expect(authorizable(authorizeChecks('not an ip\u0000', lockedKey))).toBe(false);
  });

  it('names the Default-key trap for a key never used', () => {
    const checks = authorizeChecks('8.8.4.4', { kind: 'DEFAULT', lockedAt: null, lockedIps: [] });
    expect(checks.find((check) => check.id === 'lock')).toEqual({ id: 'lock', verdict: 'warning', code: 'never-used' });
  });

  it('says when the address is already listed', () => {
    const checks = authorizeChecks('203.0.113.10', lockedKey);
    expect(checks.find((check) => check.id === 'listed')).toEqual({
      id: 'listed',
      verdict: 'warning',
      code: 'already-listed',
      address: '203.0.113.10',
    });
  });
});

describe('openRefusedCalls', () => {
  const refusal = (address: string) => ({
    address,
    firstAt: '2026-12-02T00:00:00.000Z',
    lastAt: '2026-12-03T00:00:00.000Z',
    count: 3,
  });

  it('leaves out the addresses already on Locked On IP', () => {
    const refused = [refusal('198.51.100.20'), refusal('203.0.113.10')];
    expect(openRefusedCalls(refused, lockedKey).map((call) => call.address)).toEqual(['198.51.100.20']);
    expect(openRefusedCalls(refused, { lockedIps: [] })).toHaveLength(2);
  });
});
