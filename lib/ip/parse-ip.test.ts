import net from 'node:net';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { classifyAddress } from '@/lib/ip/address-range';
import { parseIp } from '@/lib/ip/parse-ip';

describe('parseIp accepts every ordinary notation and normalises it', () => {
  it.each([
    ['203.0.113.7', '203.0.113.7', 4],
    ['  198.51.100.20 ', '198.51.100.20', 4],
    ['0.0.0.0', '0.0.0.0', 4],
    ['255.255.255.255', '255.255.255.255', 4],
    ['2001:db8::1', '2001:db8::1', 6],
    ['2001:DB8:0:0:0:0:0:1', '2001:db8::1', 6],
    ['2001:0db8:0000:0000:0000:0000:0000:0001', '2001:db8::1', 6],
    ['[2001:db8::1]', '2001:db8::1', 6],
    ['::', '::', 6],
    ['::1', '::1', 6],
    ['2001:db8:0:0:1:0:0:1', '2001:db8::1:0:0:1', 6], // the first of two equal zero runs is compressed
    ['2001:db8:0:1:1:1:1:1', '2001:db8:0:1:1:1:1:1', 6], // a single zero group is not
    ['fe80:0:0:0:0:0:0:0', 'fe80::', 6],
    ['::ffff:203.0.113.7', '::ffff:203.0.113.7', 6],
    ['::FFFF:CB00:7107', '::ffff:203.0.113.7', 6],
    ['64:ff9b::192.0.2.33', '64:ff9b::c000:221', 6],
  ])('%j → %s', (input, address, version) => {
    expect(parseIp(input)).toEqual({ ok: true, address, version });
  });
});

describe('parseIp refuses anything else, saying why', () => {
  it.each([
    ['', /enter an IP address/],
    ['   ', /enter an IP address/],
    ['256.1.1.1', /"256" is more than 255/],
    ['1.2.3', /four numbers/],
    ['1.2.3.4.5', /four numbers/],
    ['1..2.3', /four numbers/],
    ['010.0.0.1', /leading zero/],
    ['203.0.113.7:8080', /without a port/],
    ['203.0.113.0/24', /not a range/],
    ['fe80::1%eth0', /zone index/],
    ['2001:db8::g', /not a valid IPv6/],
    ['2001:db8:::1', /not a valid IPv6/],
    ['1:2:3:4:5:6:7:8:9', /not a valid IPv6/],
    ['::ffff:01.2.3.4', /not a valid IPv6/],
    ['localhost', /not an IPv4 or IPv6 address/],
    ['api.sendsms.ro', /not an IPv4 or IPv6 address/],
    ['1.2.3.4; rm -rf /', /not an IPv4 or IPv6 address|not a range/],
    ['x'.repeat(100), /too long/],
  ])('%j', (input, reason) => {
    const parsed = parseIp(input);
    expect(parsed.ok).toBe(false);
    expect(!parsed.ok && parsed.reason).toMatch(reason);
  });
});

describe('parseIp, properties', () => {
  it('never lets an invalid address through, and its normal form is stable (10,000 random strings)', () => {
    const ipLike = fc.oneof(
      fc.string({ maxLength: 45 }),
      fc.stringMatching(/^[0-9.]{1,20}$/),
      fc.stringMatching(/^[0-9a-fA-F:.[\]%]{1,45}$/),
      fc.ipV4().map((ip) => ` ${ip}`),
      fc.ipV6(),
    );
    fc.assert(
      fc.property(ipLike, (input) => {
        const parsed = parseIp(input);
        // Agrees with Node's own parser both ways (Node is not used at run time: the parser also runs in browsers).
        if (net.isIP(input) === 6 && !input.includes('%')) expect(parsed.ok).toBe(true); // zone indexes are refused on purpose
        if (!parsed.ok) return;
        expect(net.isIP(parsed.address)).toBe(parsed.version);
        expect(parseIp(parsed.address)).toEqual(parsed);
      }),
      { numRuns: 10_000 },
    );
  });

  it('accepts every valid address and keeps its value', () => {
    fc.assert(
      fc.property(fc.oneof(fc.ipV4(), fc.ipV6()), (address) => {
        const parsed = parseIp(address);
        expect(parsed.ok).toBe(true);
        if (!parsed.ok) return;
        // The same address: both forms expand to the same bytes.
        const socketAddress = new net.SocketAddress({
          address: parsed.address,
          family: parsed.version === 4 ? 'ipv4' : 'ipv6',
        });
        const original = new net.SocketAddress({ address, family: parsed.version === 4 ? 'ipv4' : 'ipv6' });
        const blockList = new net.BlockList();
        blockList.addAddress(original.address, original.family);
        expect(blockList.check(socketAddress.address, socketAddress.family)).toBe(true);
      }),
      { numRuns: 5_000 },
    );
  });
});

describe('classifyAddress names the range of addresses sendSMS will never see, without refusing them', () => {
  it.each([
    ['10.0.0.5', 4, 'private', '10.0.0.0/8'],
    ['192.168.1.10', 4, 'private', '192.168.0.0/16'],
    ['172.20.0.1', 4, 'private', '172.16.0.0/12'],
    ['127.0.0.1', 4, 'loopback', '127.0.0.0/8'],
    ['169.254.10.1', 4, 'link-local', '169.254.0.0/16'],
    ['100.64.1.1', 4, 'shared', '100.64.0.0/10'],
    ['203.0.113.7', 4, 'documentation', '203.0.113.0/24'],
    ['224.0.0.1', 4, 'multicast', '224.0.0.0/4'],
    ['255.255.255.255', 4, 'broadcast', '255.255.255.255/32'],
    ['::1', 6, 'loopback', '::1/128'],
    ['fd00::1', 6, 'private', 'fc00::/7'],
    ['fe80::1', 6, 'link-local', 'fe80::/10'],
    ['2001:db8::1', 6, 'documentation', '2001:db8::/32'],
    ['::ffff:8.8.8.8', 6, 'ipv4-mapped', '::ffff:0:0/96'],
  ] as const)('%s is %s (%s)', (address, version, range, cidr) => {
    // The words are the reader's (the requestBuilder messages' ip.warning.<range>): lib/ip gives the range and block.
    expect(classifyAddress(address, version)).toEqual({ range, cidr });
  });

  it('names the block a special address is in', () => {
    expect(classifyAddress('10.0.0.5', 4).cidr).toBe('10.0.0.0/8');
    expect(classifyAddress('2001:db8::1', 6).cidr).toBe('2001:db8::/32');
  });

  it.each([
    ['8.8.8.8', 4],
    ['172.32.0.1', 4],
    ['2a00:1450:4001:80b::200e', 6],
  ] as const)('%s is public, with no warning', (address, version) => {
    expect(classifyAddress(address, version)).toEqual({ range: 'public', cidr: null });
  });
});
