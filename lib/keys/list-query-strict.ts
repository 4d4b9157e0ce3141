import { z } from 'zod';
import {
  KEY_KIND_FILTERS,
  KEY_SORTS,
  keyListParsers,
  readKeyListQuery,
  SEARCH_MAX_LENGTH,
  type KeyListQuery,
} from '@/lib/keys/list-query';

/**
 * The list endpoint's reading of its query string, with the page's parsers (list-query.ts): where the page drops
 * a bad value to its default, a program calling the endpoint is told, as a 422 naming each refused parameter.
 */

const REFUSED: Record<keyof KeyListQuery, string> = {
  q: `A search is at most ${SEARCH_MAX_LENGTH} characters, with no control characters.`,
  kind: `Choose one of: ${KEY_KIND_FILTERS.join(', ')}.`,
  lock: 'Choose one of: awaiting, locked.',
  idle: 'Choose one of: idle, active.',
  sort: `Choose one of: ${KEY_SORTS.join(', ')}.`,
  dir: 'Choose one of: asc, desc.',
  page: 'A page is a whole number from 1 to 100,000.',
  size: 'A page size is a whole number from 10 to 100.',
};

export function parseKeyListQuery(
  params: URLSearchParams,
): { success: true; data: KeyListQuery } | { success: false; error: z.ZodError } {
  const issues: z.core.$ZodIssue[] = [];
  for (const name of Object.keys(keyListParsers) as (keyof KeyListQuery)[]) {
    const value = params.get(name);
    if (value !== null && keyListParsers[name].parse(value) === null)
      issues.push({ code: 'custom', path: [name], message: REFUSED[name], input: value });
  }
  if (issues.length > 0) return { success: false, error: new z.ZodError(issues) };
  return { success: true, data: readKeyListQuery(params) };
}
