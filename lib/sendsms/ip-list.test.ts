import { describe, expect, it } from 'vitest';
import { parseIpList } from '@/lib/sendsms/ip-list';

const addresses = (details: unknown) => {
  const parsed = parseIpList(details);
  if (!parsed.understood) throw new Error('not understood');
  return parsed.ips.map((entry) => entry.address);
};

describe('parseIpList (token_list_ips, every shape of the contract)', () => {
  it.each([
    ['an array of strings', ['203.0.113.10', '2001:db8::1']],
    ['an array of objects with ip', [{ ip: '203.0.113.10' }, { ip: '2001:db8::1', added_at: '2026-01-02 03:04:05' }]],
    ['an array of objects with ipaddr', [{ ipaddr: '203.0.113.10' }, { ipaddr: '2001:db8::1' }]],
    [
      'an array of objects with address',
      [{ address: '203.0.113.10', created: 1767225600 }, { address: '2001:db8::1' }],
    ],
    ['an object keyed by IP', { '203.0.113.10': '2026-01-01T00:00:00Z', '2001:db8::1': true }],
    ['a comma-separated string', '203.0.113.10, 2001:db8::1'],
    ['a newline-separated string', '203.0.113.10\n2001:db8::1\n'],
  ])('reads %s', (_, details) => {
    expect(addresses(details)).toEqual(['203.0.113.10', '2001:db8::1']);
  });

  it('keeps the dates it is given and reads "YYYY-MM-DD HH:MM:SS" as UTC', () => {
    const parsed = parseIpList([{ ip: '203.0.113.10', added_at: '2026-01-02 03:04:05' }, { ip: '203.0.113.11' }]);
    expect(parsed).toEqual({
      understood: true,
      ips: [
        { address: '203.0.113.10', addedAt: new Date('2026-01-02T03:04:05Z') },
        { address: '203.0.113.11', addedAt: null },
      ],
    });
    expect(parseIpList({ '203.0.113.10': { added: 1767225600 } })).toEqual({
      understood: true,
      ips: [{ address: '203.0.113.10', addedAt: new Date('2026-01-01T00:00:00Z') }],
    });
  });

  it('reads an empty list in each shape as no addresses', () => {
    for (const empty of [[], {}, '']) expect(addresses(empty)).toEqual([]);
  });

  it.each([
    ['a number', 42],
    ['null', null],
    ['objects without an address field', [{ host: '203.0.113.10' }]],
    ['strings that are not addresses', ['not-an-ip']],
    ['a mixed array', ['203.0.113.10', 7]],
    ['an object keyed by something else', { shape: 42 }],
    ['free text', 'no addresses here'],
  ])('does not understand %s (never an empty list)', (_, details) => {
    expect(parseIpList(details)).toEqual({ understood: false });
  });
});
