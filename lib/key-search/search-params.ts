import { createLoader, createSerializer, parseAsString, type SearchParams } from 'nuqs/server';
import { FRAGMENT_LENGTH, isWholeKey, searchedText } from '@/lib/key-search/classify-query';
import { keySearchSchema } from '@/lib/key-search/search-query';

/**
 * The search in the URL of /search: `q`, read and written with nuqs parsers (as /usage reads its view) and checked
 * with keySearchSchema, the schema GET /api/keys/search refuses a bad query with, so the page and the endpoint keep
 * one rule. The page shows the refusal beside the box instead of failing.
 */

export const keySearchParsers = { q: parseAsString };

const loadKeySearch = createLoader(keySearchParsers);
const serializeKeySearch = createSerializer(keySearchParsers);

export type KeySearchFromUrl =
  /** No search yet: the page shows the box alone. */
  { state: 'empty' } | { state: 'refused'; q: string; message: string } | { state: 'ready'; q: string };

export function readKeySearch(searchParams: SearchParams): KeySearchFromUrl {
  const { q } = loadKeySearch(searchParams);
  if (q === null || q.trim() === '') return { state: 'empty' };
  const checked = keySearchSchema.safeParse({ q });
  if (!checked.success) return { state: 'refused', q, message: checked.error.issues[0]?.message ?? 'Not a search' };
  return { state: 'ready', q: checked.data.q };
}

/** The address of /search for this text: a whole key pasted is cut to its last characters first. */
export function keySearchHref(q: string | null): string {
  const kept = q !== null && isWholeKey(q) ? searchedText(q).slice(-FRAGMENT_LENGTH) : q;
  return serializeKeySearch('/search', { q: kept || null });
}
