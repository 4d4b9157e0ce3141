import { ipv6Groups, type IpVersion } from '@/lib/ip/parse-ip';

/**
 * Which special range, if any, a normalised address falls in, and the block it is in: what the UI warns about, in the
 * reader's language, from `range` and `cidr` (the keys' authorize checks, the request builder's field). A warning
 * never refuses: sendSMS sees the public address a call comes from, so whitelisting a private or reserved one is
 * almost always a mistake, but the user may know better (a VPN, a test).
 */

export type AddressRange =
  | 'public'
  | 'private'
  | 'loopback'
  | 'link-local'
  | 'shared'
  | 'documentation'
  | 'multicast'
  | 'unspecified'
  | 'broadcast'
  | 'reserved'
  | 'ipv4-mapped';

/** A range a warning is about: every one but an ordinary public address. */
export type SpecialRange = Exclude<AddressRange, 'public'>;

interface Block {
  range: AddressRange;
  /** The block in CIDR, for the warning. */
  cidr: string;
  base: bigint;
  prefix: number;
}

function ipv4ToBigInt(address: string): bigint {
  return address.split('.').reduce((value, part) => (value << 8n) | BigInt(Number(part)), 0n);
}

function ipv6ToBigInt(address: string): bigint {
  return ipv6Groups(address).reduce((value, group) => (value << 16n) | BigInt(group), 0n);
}

function blocks(version: IpVersion, table: Array<[AddressRange, string]>): Block[] {
  return table.map(([range, cidr]) => {
    const [base, prefix] = cidr.split('/') as [string, string];
    return { range, cidr, base: version === 4 ? ipv4ToBigInt(base) : ipv6ToBigInt(base), prefix: Number(prefix) };
  });
}

// Most specific first: the first block that contains the address names its range.
const IPV4_BLOCKS = blocks(4, [
  ['broadcast', '255.255.255.255/32'],
  ['unspecified', '0.0.0.0/8'],
  ['private', '10.0.0.0/8'],
  ['shared', '100.64.0.0/10'],
  ['loopback', '127.0.0.0/8'],
  ['link-local', '169.254.0.0/16'],
  ['private', '172.16.0.0/12'],
  ['reserved', '192.0.0.0/24'],
  ['documentation', '192.0.2.0/24'],
  ['private', '192.168.0.0/16'],
  ['reserved', '198.18.0.0/15'],
  ['documentation', '198.51.100.0/24'],
  ['documentation', '203.0.113.0/24'],
  ['multicast', '224.0.0.0/4'],
  ['reserved', '240.0.0.0/4'],
]);

const IPV6_BLOCKS = blocks(6, [
  ['unspecified', '::/128'],
  ['loopback', '::1/128'],
  ['ipv4-mapped', '::ffff:0:0/96'],
  ['documentation', '2001:db8::/32'],
  ['private', 'fc00::/7'],
  ['link-local', 'fe80::/10'],
  ['multicast', 'ff00::/8'],
]);

export interface RangeCheck {
  range: AddressRange;
  /** The special block the address is in, in CIDR ("10.0.0.0/8"); null for an ordinary public address. */
  cidr: string | null;
}

export function classifyAddress(address: string, version: IpVersion): RangeCheck {
  const value = version === 4 ? ipv4ToBigInt(address) : ipv6ToBigInt(address);
  const bits = version === 4 ? 32 : 128;
  for (const block of version === 4 ? IPV4_BLOCKS : IPV6_BLOCKS) {
    const shift = BigInt(bits - block.prefix);
    if (value >> shift === block.base >> shift) {
      return { range: block.range, cidr: block.cidr };
    }
  }
  return { range: 'public', cidr: null };
}

/**
 * Ranges no key may be locked to: they are not the address of one machine, so no call to sendSMS ever comes from
 * them, and sendSMS would keep the entry for nothing (or, for 0.0.0.0, an integration might read it as "any").
 */
const NOT_AUTHORIZABLE: ReadonlySet<AddressRange> = new Set(['unspecified', 'broadcast']);

// lib/ip's reasons are English, for the log (as parseIp's); pages and API errors word the problem in the reader's
// language from its code.
const WHY_NOT_AUTHORIZABLE: Record<'unspecified' | 'broadcast', string> = {
  unspecified: 'is the unspecified address, not the address of any machine',
  broadcast: 'is the broadcast address, not the address of one machine',
};

/** The range that keeps an address from being authorized as a key's IP, or null when it can be. */
export function unauthorizableRange(address: string, version: IpVersion): 'unspecified' | 'broadcast' | null {
  let range = classifyAddress(address, version).range;
  // ::ffff:0.0.0.0 is 0.0.0.0 to sendSMS: judge the IPv4 address it carries.
  if (range === 'ipv4-mapped') range = classifyAddress(address.slice('::ffff:'.length), 4).range;
  return NOT_AUTHORIZABLE.has(range) ? (range as 'unspecified' | 'broadcast') : null;
}

/** Why an address cannot be authorized as a key's IP, or null when it can (with, perhaps, a warning). */
export function authorizationRefusal(address: string, version: IpVersion): string | null {
  const range = unauthorizableRange(address, version);
  if (range === null) return null;
  return `${address} ${WHY_NOT_AUTHORIZABLE[range]}; no call comes from it, so it cannot be authorized`;
}
