/**
 * The one parser for the IP addresses people type (the request builder's `ipaddr`, Authorize IP on a key, filters).
 * It accepts IPv4 and IPv6 in every ordinary notation — surrounding spaces, IPv6 in any case, compressed or not, in
 * brackets, with an embedded IPv4 tail — and gives back one normal form (dotted decimal; RFC 5952 for IPv6), so the
 * same address is always stored and compared the same way. Anything else is refused with the reason, so that no
 * malformed address ever reaches sendSMS. Pure TypeScript, no Node built-ins: the request builder runs the same
 * parser in the browser to check the field as the user types, and the server runs it again before sending.
 * A refusal says why twice: `reason`, in English words, and `problem`, what is wrong as data, for a sentence in
 * the reader's language (the server's: the `errors` messages' ip.*, lib/validation/ip-text.ts).
 */

export type IpVersion = 4 | 6;

/** What is wrong with an address, as data: `code` names the sentence, the other fields fill it. */
export type IpProblem =
  | { code: 'notText' | 'empty' | 'tooLong' | 'zoneIndex' | 'range' | 'port' | 'ipv4Shape' }
  | { code: 'notAnAddress' | 'notIpv6'; text: string }
  | { code: 'leadingZero' | 'over255'; part: string }
  | { code: 'notAuthorizable'; address: string; range: 'unspecified' | 'broadcast' };

export type ParsedIp =
  { ok: true; address: string; version: IpVersion } | { ok: false; reason: string; problem: IpProblem };

const refuse = (problem: IpProblem, reason: string): ParsedIp => ({ ok: false, reason, problem });

const MAX_INPUT_LENGTH = 64;

export function parseIp(input: string): ParsedIp {
  if (typeof input !== 'string') return refuse({ code: 'notText' }, 'an IP address is text, like 203.0.113.7');
  let text = input.trim();
  if (text === '') return refuse({ code: 'empty' }, 'enter an IP address, like 203.0.113.7');
  if (text.length > MAX_INPUT_LENGTH) return refuse({ code: 'tooLong' }, 'too long to be an IP address');
  if (text.startsWith('[') && text.endsWith(']')) text = text.slice(1, -1);

  if (/^[0-9.]+$/.test(text)) return parseIpv4(text);
  if (text.includes('%'))
    return refuse(
      { code: 'zoneIndex' },
      'a zone index (the part after %) only means something on one machine; leave it out',
    );
  if (/[/]/.test(text)) return refuse({ code: 'range' }, 'one address, not a range: leave out the /prefix');
  if (/^\d{1,3}(\.\d{1,3}){3}:\d+$/.test(text))
    return refuse({ code: 'port' }, 'an address without a port: leave out the :port');
  if (!text.includes(':'))
    return refuse({ code: 'notAnAddress', text: preview(text) }, `"${preview(text)}" is not an IPv4 or IPv6 address`);
  return parseIpv6(text);
}

function parseIpv4(text: string): ParsedIp {
  const parts = text.split('.');
  if (parts.length !== 4 || parts.some((part) => part === '')) {
    return refuse({ code: 'ipv4Shape' }, 'an IPv4 address has four numbers separated by dots, like 203.0.113.7');
  }
  for (const part of parts) {
    if (part.length > 1 && part.startsWith('0')) {
      // 010 is 8 to some programs and 10 to others: refuse rather than guess which the user meant.
      return refuse(
        { code: 'leadingZero', part },
        `"${part}" has a leading zero, which some systems read as octal; write it without`,
      );
    }
    if (Number(part) > 255)
      return refuse({ code: 'over255', part }, `"${part}" is more than 255, the largest number in an IPv4 address`);
  }
  return { ok: true, address: parts.map(Number).join('.'), version: 4 };
}

function parseIpv6(text: string): ParsedIp {
  if (!isIpv6(text))
    return refuse({ code: 'notIpv6', text: preview(text) }, `"${preview(text)}" is not a valid IPv6 address`);
  return { ok: true, address: canonicalIpv6(ipv6Groups(text)), version: 6 };
}

const HEX_GROUP = /^[0-9a-fA-F]{1,4}$/;
const DOTTED_QUAD = /^(25[0-5]|2[0-4]\d|1\d\d|[1-9]?\d)(\.(25[0-5]|2[0-4]\d|1\d\d|[1-9]?\d)){3}$/;

/** RFC 4291 text forms: eight groups, or fewer around one "::", optionally ending in a dotted IPv4 (two groups). */
function isIpv6(text: string): boolean {
  const halves = text.split('::');
  if (halves.length > 2) return false;
  const groupsOf = (half: string) => (half === '' ? [] : half.split(':'));
  const groups = halves.flatMap(groupsOf);
  let count = groups.length;
  const last = groups[groups.length - 1];
  if (last !== undefined && last.includes('.')) {
    // Only the very last group may be an IPv4 address, and it counts as two.
    if (!DOTTED_QUAD.test(last) || (halves.length === 2 && groupsOf(halves[1]!).length === 0)) return false;
    groups.pop();
    count += 1;
  }
  if (!groups.every((group) => HEX_GROUP.test(group))) return false;
  return halves.length === 2 ? count <= 7 : count === 8;
}

/** The eight 16-bit groups of a valid IPv6 address. */
export function ipv6Groups(text: string): number[] {
  let head = text;
  const tailGroups: number[] = [];
  const ipv4Tail = /^(.*:)(\d+\.\d+\.\d+\.\d+)$/.exec(text);
  if (ipv4Tail) {
    head = ipv4Tail[1]!.endsWith('::') ? ipv4Tail[1]! : ipv4Tail[1]!.slice(0, -1);
    const bytes = ipv4Tail[2]!.split('.').map(Number);
    tailGroups.push((bytes[0]! << 8) | bytes[1]!, (bytes[2]! << 8) | bytes[3]!);
  }
  const [left, right] = head.includes('::') ? head.split('::') : [head, undefined];
  const leftGroups = left ? left.split(':').map((group) => parseInt(group, 16)) : [];
  const rightGroups = right ? right.split(':').map((group) => parseInt(group, 16)) : [];
  const explicit = [...leftGroups, ...rightGroups, ...tailGroups];
  const zeros = right === undefined ? [] : new Array<number>(8 - explicit.length).fill(0);
  return [...leftGroups, ...zeros, ...rightGroups, ...tailGroups];
}

/** RFC 5952: lowercase, no leading zeros, the longest run of two or more zero groups (the first of equals) as ::. */
function canonicalIpv6(groups: number[]): string {
  let bestStart = -1;
  let bestLength = 0;
  for (let start = 0; start < 8;) {
    if (groups[start] !== 0) {
      start += 1;
      continue;
    }
    let end = start;
    while (end < 8 && groups[end] === 0) end += 1;
    if (end - start > bestLength) {
      bestStart = start;
      bestLength = end - start;
    }
    start = end;
  }
  const hex = groups.map((group) => group.toString(16));
  // IPv4-mapped addresses keep their dotted tail, as RFC 5952 recommends: ::ffff:203.0.113.7.
  if (groups.slice(0, 5).every((group) => group === 0) && groups[5] === 0xffff) {
    return `::ffff:${groups[6]! >> 8}.${groups[6]! & 255}.${groups[7]! >> 8}.${groups[7]! & 255}`;
  }
  if (bestLength < 2) return hex.join(':');
  return `${hex.slice(0, bestStart).join(':')}::${hex.slice(bestStart + bestLength).join(':')}`;
}

function preview(text: string): string {
  return text.length > 40 ? `${text.slice(0, 40)}…` : text;
}
