import { isIP } from 'node:net';
import { parseUpstreamDate } from '@/lib/sendsms/upstream-date';

/**
 * `token_list_ips` answers in a shape nobody has documented, so every plausible one is accepted and turned into
 * the same list: an array of strings; an array of objects with an `ip`, `ipaddr` or `address` field (plus an
 * optional date, read by lib/sendsms/upstream-date.ts); an object keyed by IP; a comma- or newline-separated string. Anything else is reported as not
 * understood (the caller turns that into an upstream fault that keeps the raw body), never as an empty list.
 */

export interface ListedIp {
  address: string;
  /** When the address was added, if the answer says. */
  addedAt: Date | null;
}

export type IpListParse = { understood: true; ips: ListedIp[] } | { understood: false };

const ADDRESS_FIELDS = ['ip', 'ipaddr', 'address'] as const;
const DATE_FIELDS = ['added_at', 'added', 'created_at', 'created', 'date', 'since', 'first_seen'] as const;

export function parseIpList(details: unknown): IpListParse {
  const entries = entriesOf(details);
  if (entries === null) return { understood: false };
  const seen = new Set<string>();
  const ips: ListedIp[] = [];
  for (const entry of entries) {
    if (isIP(entry.address) === 0) return { understood: false };
    if (seen.has(entry.address)) continue;
    seen.add(entry.address);
    ips.push(entry);
  }
  return { understood: true, ips };
}

function entriesOf(details: unknown): ListedIp[] | null {
  if (typeof details === 'string') {
    return details
      .split(/[\s,;]+/)
      .filter(Boolean)
      .map((address) => ({ address, addedAt: null }));
  }
  if (Array.isArray(details)) {
    const entries: ListedIp[] = [];
    for (const item of details) {
      if (typeof item === 'string') entries.push({ address: item.trim(), addedAt: null });
      else if (isRecord(item)) {
        const address = ADDRESS_FIELDS.map((field) => item[field]).find((value) => typeof value === 'string');
        if (typeof address !== 'string') return null;
        entries.push({ address: address.trim(), addedAt: dateIn(item) });
      } else return null;
    }
    return entries;
  }
  if (isRecord(details)) {
    // Keyed by IP; the value may be a date, an object with one, or anything else (true, a count...).
    return Object.entries(details).map(([address, value]) => ({
      address: address.trim(),
      addedAt: typeof value === 'string' ? parseUpstreamDate(value) : isRecord(value) ? dateIn(value) : null,
    }));
  }
  return null;
}

function dateIn(record: Record<string, unknown>): Date | null {
  for (const field of DATE_FIELDS) {
    const value = record[field];
    if (typeof value === 'string' || typeof value === 'number') {
      const date = parseUpstreamDate(value);
      if (date) return date;
    }
  }
  return null;
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}
