import { z } from 'zod';
import { DEFAULT_PAGE_SIZE, IDLE_FILTERS, KEY_KIND_FILTERS, KEY_SORTS, LOCK_FILTERS } from '@/lib/keys/list-query-url';
import { plainText } from '@/lib/validation/text';

/**
 * The keys list's search, filters, sort and page: one schema for the URL of the page, the query string of the
 * list endpoint and the repository, so that what the address bar says is exactly what the database is asked.
 * No server imports: the page's client components read and write the same URL with it.
 */

export {
  DEFAULT_PAGE_SIZE,
  IDLE_DAYS,
  IDLE_FILTERS,
  KEY_KIND_FILTERS,
  KEY_SORTS,
  LOCK_FILTERS,
  type KeySort,
} from '@/lib/keys/list-query-url';

export const keyListQuerySchema = z.object({
  q: plainText({ max: 100, tooLong: 'a search is at most 100 characters' }).trim().default(''),
  kind: z.enum(KEY_KIND_FILTERS).optional(),
  lock: z.enum(LOCK_FILTERS).optional(),
  idle: z.enum(IDLE_FILTERS).optional(),
  sort: z.enum(KEY_SORTS).default('created'),
  dir: z.enum(['asc', 'desc']).default('desc'),
  page: z.coerce.number().int().min(1).max(100_000).default(1),
  size: z.coerce.number().int().min(10).max(100).default(DEFAULT_PAGE_SIZE),
});

export type KeyListQuery = z.output<typeof keyListQuerySchema>;

type SearchParamsLike = URLSearchParams | Record<string, string | string[] | undefined>;

function toRecord(params: SearchParamsLike): Record<string, string> {
  const record: Record<string, string> = {};
  if (params instanceof URLSearchParams) {
    for (const [name, value] of params) record[name] = value;
  } else {
    for (const [name, value] of Object.entries(params)) {
      const first = Array.isArray(value) ? value[0] : value;
      if (first !== undefined && first !== '') record[name] = first;
    }
  }
  return record;
}

/** For the endpoint: a bad parameter is the caller's mistake, answered 422 with the issues. */
export function parseKeyListQuery(params: SearchParamsLike) {
  return keyListQuerySchema.safeParse(toRecord(params));
}

/** For the page: a hand-edited URL with one bad parameter keeps the others and drops that one to its default. */
export function readKeyListQuery(params: SearchParamsLike): KeyListQuery {
  const record = toRecord(params);
  const parsed = keyListQuerySchema.safeParse(record);
  if (parsed.success) return parsed.data;
  const bad = new Set(parsed.error.issues.map((issue) => String(issue.path[0])));
  return keyListQuerySchema.parse(Object.fromEntries(Object.entries(record).filter(([name]) => !bad.has(name))));
}

export { DEFAULT_KEY_LIST_QUERY, keyListSearchParams } from '@/lib/keys/list-query-url';
