import type { KeyListQuery } from '@/lib/keys/list-query';
import { KeyKind } from '@/lib/generated/prisma/enums';

/**
 * The list query's defaults and its URL form, without zod: the browser needs these on every keystroke of the
 * search box, and the page's first-load JavaScript should not carry a validation library for it. The schema in
 * list-query.ts parses with these same defaults (a unit test keeps the two in step).
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

export const IDLE_DAYS = 30;
export const DEFAULT_PAGE_SIZE = 50;

export const DEFAULT_KEY_LIST_QUERY: KeyListQuery = {
  q: '',
  sort: 'created',
  dir: 'desc',
  page: 1,
  size: DEFAULT_PAGE_SIZE,
};

/** The query as URL parameters, defaults left out so that links stay short and canonical. */
export function keyListSearchParams(query: Partial<KeyListQuery>): URLSearchParams {
  const params = new URLSearchParams();
  const full: KeyListQuery = { ...DEFAULT_KEY_LIST_QUERY, ...query };
  for (const name of ['q', 'kind', 'lock', 'idle', 'sort', 'dir', 'page', 'size'] as const) {
    const value = full[name];
    if (value === undefined || value === DEFAULT_KEY_LIST_QUERY[name]) continue;
    params.set(name, String(value));
  }
  return params;
}

const oneOf = <T extends string>(values: readonly T[], value: string | null): T | undefined =>
  values.find((candidate) => candidate === value);
const wholeNumber = (value: string | null, min: number, max: number): number | undefined => {
  const number = value === null ? Number.NaN : Number(value);
  return Number.isInteger(number) && number >= min && number <= max ? number : undefined;
};

/** The browser's reading of the address bar, with the same rules as the server's schema: a bad value is its default. */
export function keyListQueryFromUrl(params: URLSearchParams): KeyListQuery {
  return {
    q: (params.get('q') ?? '').trim().slice(0, 100),
    kind: oneOf(KEY_KIND_FILTERS, params.get('kind')),
    lock: oneOf(LOCK_FILTERS, params.get('lock')),
    idle: oneOf(IDLE_FILTERS, params.get('idle')),
    sort: oneOf(KEY_SORTS, params.get('sort')) ?? DEFAULT_KEY_LIST_QUERY.sort,
    dir: oneOf(['asc', 'desc'] as const, params.get('dir')) ?? DEFAULT_KEY_LIST_QUERY.dir,
    page: wholeNumber(params.get('page'), 1, 100_000) ?? 1,
    size: wholeNumber(params.get('size'), 10, 100) ?? DEFAULT_PAGE_SIZE,
  };
}
