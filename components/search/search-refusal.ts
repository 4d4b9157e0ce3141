import type { useTranslations } from 'next-intl';

import { FRAGMENT_LENGTH } from '@/lib/key-search/classify-query';
import { KEY_SEARCH_MAX_LENGTH, KEY_SEARCH_MIN_LENGTH } from '@/lib/key-search/search-query';
import { isPlainText } from '@/lib/validation/plain-text';

/**
 * Why a search in the address was refused, in the reader's language. The rule is keySearchText's
 * (lib/key-search/search-query.ts), checked in its order: too long, not plain text, too short.
 */

type Translate = ReturnType<typeof useTranslations<'search.page'>>;

export function searchRefusal(q: string, t: Translate): string {
  if (q.length > KEY_SEARCH_MAX_LENGTH) return t('refusal.tooLong', { max: KEY_SEARCH_MAX_LENGTH });
  if (!isPlainText(q)) return t('refusal.notPlainText');
  return t('refusal.tooShort', { min: KEY_SEARCH_MIN_LENGTH, fragment: FRAGMENT_LENGTH });
}
