import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { parseAuthorizableIp } from '@/lib/ip/authorizable-ip';
import { parseIp } from '@/lib/ip/parse-ip';

describe('parseAuthorizableIp refuses addresses that are no machine', () => {
  it.each([
    ['0.0.0.0', /0\.0\.0\.0 is the unspecified address.*cannot be authorized/],
    ['0.1.2.3', /unspecified/],
    ['::', /:: is the unspecified address/],
    ['0:0:0:0:0:0:0:0', /:: is the unspecified address/],
    ['[::]', /unspecified/],
    ['255.255.255.255', /255\.255\.255\.255 is the broadcast address.*cannot be authorized/],
    ['::ffff:0.0.0.0', /unspecified/],
    ['::ffff:255.255.255.255', /broadcast/],
  ])('%s', (input, reason) => {
    const parsed = parseAuthorizableIp(input);
    expect(parsed.ok).toBe(false);
    expect(!parsed.ok && parsed.reason).toMatch(reason);
  });

  it.each([
    ['203.0.113.7'],
    ['8.8.8.8'],
    ['10.0.0.5'],
    ['2a00:1450:4001:80b::200e'],
    ['::1'],
    ['::ffff:8.8.8.8'],
    ['1.0.0.0'],
    ['255.255.255.254'],
  ])('accepts %s, as parseIp does', (input) => {
    expect(parseAuthorizableIp(input)).toEqual(parseIp(input));
  });

  it('refuses only what parseIp refuses, plus unspecified and broadcast addresses (5,000 random IPv4 addresses)', () => {
    fc.assert(
      fc.property(fc.ipV4(), (address) => {
        const refused = address === '255.255.255.255' || address.startsWith('0.');
        expect(parseAuthorizableIp(address).ok).toBe(!refused);
      }),
      { numRuns: 5_000 },
    );
  });
});
