import 'server-only';
import type { KeyListQuery } from '@/lib/keys/list-query';
import type { AccountFreshnessRecord, KeyIpRecord, KeyRecord } from '@/lib/keys/repository';
import type { PendingChangeRecord } from '@/lib/keys/upstream-change-repository';

/**
 * Pages of the keys list, kept in memory under the account's keys version (Account."keysVersion", moved by
 * database triggers on every change to the account's keys or their IP lists, by any process). A list read asks
 * for the version first and the page after, so a page is never older than the version it is kept under; when the
 * version moves, the old pages are never asked for again and age out.
 *
 * Why: a search over 10,000 keys reads every one of them (the count of matches needs it), and a page is asked for
 * again and again between two changes (tabs, polling, people looking at the same account). Only what the database
 * said is kept; anything that depends on the time of the request (relative ages, badges) is worked out per request.
 *
 * Identical reads that arrive together share one database read, as sendSMS reads do in the client.
 */

export interface KeyListSnapshot {
  keys: KeyRecord[];
  total: number;
  ips: Map<string, KeyIpRecord[]>;
  /** Each key's uses per day over the last week (its row's small chart). */
  recentUses: Map<string, number[]>;
  /** When the account's keys were last fetched from sendSMS: the same for every page of one version. */
  fetched: AccountFreshnessRecord;
  /** The account's changes still being checked: they move the keys version too. */
  pending: PendingChangeRecord[];
}

/** Pages kept at most; about 60 KB each for pages of 50. */
const MAX_ENTRIES = 500;
/**
 * The idle filter compares with the time of the request, which moves without any write; a page is therefore kept
 * for a minute at most, the same precision as the "idle 30 days" badge needs.
 */
const MAX_AGE_MS = 60_000;

/**
 * A page being read is shared as its promise; a page read is kept as its value, never as the promise. Under
 * Next.js every promise made while a request runs carries that request's AsyncLocalStorage context (the request,
 * its response, the render's state) for as long as the promise is reachable: 500 kept promises kept 500 requests
 * alive, hundreds of MB after a busy minute. A value carries nothing, and a hit wraps it in a promise of the
 * reader's own request, which goes with that request.
 */
interface Entry {
  storedAt: number;
  reading?: Promise<KeyListSnapshot>;
  snapshot?: KeyListSnapshot;
}

export interface KeyListCache {
  read(
    accountId: string,
    keysVersion: bigint,
    query: KeyListQuery,
    load: () => Promise<KeyListSnapshot>,
  ): Promise<KeyListSnapshot>;
  readonly size: number;
}

export function createKeyListCache(
  options: { maxEntries?: number; maxAgeMs?: number; now?: () => number } = {},
): KeyListCache {
  const maxEntries = options.maxEntries ?? MAX_ENTRIES;
  const maxAgeMs = options.maxAgeMs ?? MAX_AGE_MS;
  const now = options.now ?? Date.now;
  const entries = new Map<string, Entry>();

  return {
    read(accountId, keysVersion, query, load) {
      const id = cacheKey(accountId, keysVersion, query);
      const known = entries.get(id);
      if (known && now() - known.storedAt < maxAgeMs) {
        // Most recently used last: the first entry of the map is the one to drop when full.
        entries.delete(id);
        entries.set(id, known);
        return known.snapshot ? Promise.resolve(known.snapshot) : known.reading!;
      }
      entries.delete(id);
      const reading = load();
      const entry: Entry = { storedAt: now(), reading };
      reading.then(
        (snapshot) => {
          entry.reading = undefined;
          entry.snapshot = snapshot;
        },
        // A failed read is not kept: the next request tries again.
        () => {
          if (entries.get(id) === entry) entries.delete(id);
        },
      );
      entries.set(id, entry);
      while (entries.size > maxEntries) entries.delete(entries.keys().next().value!);
      return reading;
    },
    get size() {
      return entries.size;
    },
  };
}

/** The query as its schema parsed it: every field it will ever have, in the schema's order. */
function cacheKey(accountId: string, keysVersion: bigint, query: KeyListQuery): string {
  return `${accountId}\u0000${keysVersion}\u0000${JSON.stringify(query)}`;
}

/** The server's one cache (per process), handed to the services by serverKeyDeps(). */
export const keyListCache = createKeyListCache();
