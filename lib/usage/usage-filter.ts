import { z } from 'zod';
import { DEFAULT_USAGE_RANGE, USAGE_RANGES } from '@/lib/usage/usage-range';
import { idOf } from '@/lib/validation/text';

/**
 * What a usage view shows, as the URL of /usage and of its CSV export carries it (so a view can be shared, and its
 * export holds the rows the page showed): the range, one account or all the user may read, which keys, and their
 * order.
 */

/** Which keys the view lists: all ranked, those idle for 30, 60 or 90 days, those never used, those with refused calls. */
export const USAGE_KEY_SETS = ['all', 'idle-30', 'idle-60', 'idle-90', 'never-used', 'refused'] as const;
export type UsageKeySet = (typeof USAGE_KEY_SETS)[number];

export const USAGE_SORTS = ['uses', 'lastUsed', 'refused'] as const;
export type UsageSort = (typeof USAGE_SORTS)[number];

const blankIsAbsent = (value: unknown) => (typeof value === 'string' && value.trim() === '' ? undefined : value);

export const usageFilterSchema = z.object({
  range: z.preprocess(
    blankIsAbsent,
    z.enum(USAGE_RANGES, { error: 'Pick a range from the list' }).default(DEFAULT_USAGE_RANGE),
  ),
  accountId: z.preprocess(blankIsAbsent, idOf('an account').optional()),
  keys: z.preprocess(blankIsAbsent, z.enum(USAGE_KEY_SETS, { error: 'Pick which keys from the list' }).default('all')),
  sort: z.preprocess(
    blankIsAbsent,
    z.enum(USAGE_SORTS, { error: 'Sort by uses, last use or refused calls' }).default('uses'),
  ),
  dir: z.preprocess(blankIsAbsent, z.enum(['asc', 'desc'], { error: 'Sort ascending or descending' }).default('desc')),
});

export type UsageFilter = z.infer<typeof usageFilterSchema>;

/** Keys an idle set names: not used for this many days (never used counts once the key is that old). */
export function idleDays(keys: UsageKeySet): number | null {
  const match = /^idle-(\d+)$/.exec(keys);
  return match ? Number(match[1]) : null;
}

/** How many keys the page lists; the CSV export holds every one. */
export const USAGE_PAGE_ROWS = 100;
