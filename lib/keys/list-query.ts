import { createLoader, createParser, createSerializer, parseAsStringLiteral, type inferParserType } from 'nuqs/server';
import { KeyKind } from '@/lib/generated/prisma/enums';
import { isPlainText } from '@/lib/validation/plain-text';

/**
 * The keys list's search, filters, sort and page: one set of URL parsers (nuqs) for the address bar of the page, read
 * by the server page and written by the browser, the query string of the list endpoint, and the repository's query,
 * so that what the address bar says is exactly what the database is asked. Defaults stay out of the URL; a value
 * the parsers refuse is its default on the page (a hand-edited URL never fails) and a 422 at the endpoint
 * (list-query-strict.ts). No zod and no server imports: the page's client components run the same parsers on every
 * keystroke of the search box, and its first-load JavaScript should not carry a validation library for them.
 */

export const KEY_SORTS = [
  'name',
  'kind',
  'fragment',
  'created',
  'lockedIps',
  'lockState',
  'lastUsed',
  'useCount',
  'refusals',
] as const;
export type KeySort = (typeof KEY_SORTS)[number];

export const KEY_KIND_FILTERS = Object.values(KeyKind);
/** Lock state applies to Default keys: awaiting its first use, or locked to the first IP that used it. */
export const LOCK_FILTERS = ['awaiting', 'locked'] as const;
/** Idle: not used in IDLE_DAYS (never used counts as idle once the key is that old); active: used within them. */
export const IDLE_FILTERS = ['idle', 'active'] as const;
export const SORT_DIRECTIONS = ['asc', 'desc'] as const;

export const IDLE_DAYS = 30;
export const DEFAULT_PAGE_SIZE = 50;
export const SEARCH_MAX_LENGTH = 100;

/** A search: trimmed, at most SEARCH_MAX_LENGTH characters, none of them a control character. */
const parseAsSearch = createParser({
  parse: (value: string) => {
    const search = value.trim();
    return search.length <= SEARCH_MAX_LENGTH && isPlainText(search) ? search : null;
  },
  serialize: (value: string) => value,
});

/** A whole number within bounds, written in digits only ("2.5" and "4x" are refused, not rounded). */
const parseAsWholeNumber = (min: number, max: number) =>
  createParser({
    parse: (value: string) => {
      const number = /^\d+$/.test(value) ? Number(value) : Number.NaN;
      return Number.isSafeInteger(number) && number >= min && number <= max ? number : null;
    },
    serialize: (value: number) => String(value),
  });

export const keyListParsers = {
  q: parseAsSearch.withDefault(''),
  kind: parseAsStringLiteral(KEY_KIND_FILTERS),
  lock: parseAsStringLiteral(LOCK_FILTERS),
  idle: parseAsStringLiteral(IDLE_FILTERS),
  sort: parseAsStringLiteral(KEY_SORTS).withDefault('created'),
  dir: parseAsStringLiteral(SORT_DIRECTIONS).withDefault('desc'),
  page: parseAsWholeNumber(1, 100_000).withDefault(1),
  size: parseAsWholeNumber(10, 100).withDefault(DEFAULT_PAGE_SIZE),
};

/** A filter that is not set is null: every field is always present, so that equal queries are equal objects. */
export type KeyListQuery = inferParserType<typeof keyListParsers>;

/** The page's reading of the URL (Next.js's searchParams or a URLSearchParams): a bad value is its default. */
export const readKeyListQuery = createLoader(keyListParsers);

export const DEFAULT_KEY_LIST_QUERY: KeyListQuery = readKeyListQuery({});

const serializeKeyListQuery = createSerializer(keyListParsers);

/** The query as URL parameters, defaults left out so that links stay short and canonical. */
export function keyListSearchParams(query: Partial<KeyListQuery>): URLSearchParams {
  return new URLSearchParams(serializeKeyListQuery(query));
}
