import { z } from 'zod';
import { issueText, type IssueText } from '@/lib/validation/issue-text';
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

const oneOf = (values: readonly string[]) => issueText('validation.chooseOneOf', { values: values.join(', ') });

const REFUSED: Record<keyof KeyListQuery, IssueText> = {
  q: issueText('keys.listSearch', { max: SEARCH_MAX_LENGTH }),
  kind: oneOf(KEY_KIND_FILTERS),
  lock: oneOf(['awaiting', 'locked']),
  idle: oneOf(['idle', 'active']),
  sort: oneOf(KEY_SORTS),
  dir: oneOf(['asc', 'desc']),
  page: issueText('keys.listPage'),
  size: issueText('keys.listSize'),
};

export function parseKeyListQuery(
  params: URLSearchParams,
): { success: true; data: KeyListQuery } | { success: false; error: z.ZodError } {
  const issues: z.core.$ZodIssue[] = [];
  for (const name of Object.keys(keyListParsers) as (keyof KeyListQuery)[]) {
    const value = params.get(name);
    if (value !== null && keyListParsers[name].parse(value) === null)
      issues.push({ code: 'custom', path: [name], ...REFUSED[name], input: value });
  }
  if (issues.length > 0) return { success: false, error: new z.ZodError(issues) };
  return { success: true, data: readKeyListQuery(params) };
}
