import { z } from 'zod';
import { searchedText } from '@/lib/key-search/classify-query';
import { issueText } from '@/lib/validation/issue-text';
import { plainText } from '@/lib/validation/text';

/**
 * What "Find a key" takes: one line of what the customer said (the end of their key, a key name, an IP address, a
 * sendSMS username or account label), as the URL of /search and GET /api/keys/search carry it in `q`. Shorter than
 * three characters would match thousands of keys and no index could answer it quickly, so it is refused with the
 * ways to search instead.
 */

export const KEY_SEARCH_MIN_LENGTH = 3;
export const KEY_SEARCH_MAX_LENGTH = 200;
/** How many keys a search lists; more matches are cut there, and the page says to narrow the search. */
export const KEY_SEARCH_ROWS = 50;

const TOO_SHORT = issueText('keys.searchTooShort', { min: KEY_SEARCH_MIN_LENGTH });
/** The sentence for a search too short, in English (the issue carries its message key too). */
export const KEY_SEARCH_TOO_SHORT = TOO_SHORT.message;

export const keySearchText = plainText({
  max: KEY_SEARCH_MAX_LENGTH,
  tooLong: issueText('keys.searchTooLong', { max: KEY_SEARCH_MAX_LENGTH }),
})
  .trim()
  // Counted without a fragment's ellipsis: "…" alone, or "...", searches for nothing.
  .refine((value) => searchedText(value).length >= KEY_SEARCH_MIN_LENGTH, TOO_SHORT);

export const keySearchSchema = z.object({
  // A missing q is an empty search: refused with the same sentence.
  q: z.preprocess((value) => value ?? '', keySearchText),
});

export type KeySearchInput = z.infer<typeof keySearchSchema>;
