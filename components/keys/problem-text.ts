import { useTranslations } from 'next-intl';

import type { ProblemView, UpstreamMeaning } from '@/lib/keys/types';
import { describeStatus } from '@/lib/sendsms/status-codes';
import type { KeysTranslator } from './labels';

/**
 * Why a refresh or a collection failed, in the reader's language: the server sends what failed as data (a
 * ProblemView, lib/keys/refresh-problem.ts), worded here from the `keys` messages' problems.* (the same words as the
 * server's own, the `errors` messages' upstream.*) and, for a sendSMS status, from the `status` messages. Text that
 * is no known condition is shown as it came.
 */

export type StatusTranslator = ReturnType<typeof useTranslations<'status'>>;

export function problemText(t: KeysTranslator, tStatus: StatusTranslator, problem: ProblemView): string {
  const { condition } = problem;
  if (condition === null) return problem.message ?? t('problems.unknown');
  const meaning = meaningText(t, tStatus, condition);
  return condition.nothingChanged ? t('problems.nothingChanged', { meaning }) : meaning;
}

function meaningText(t: KeysTranslator, tStatus: StatusTranslator, meaning: UpstreamMeaning): string {
  switch (meaning.code) {
    case 'status': {
      // The status as the server names it in the sentence: a code, written without grouping.
      const described = describeStatus(meaning.status);
      return tStatus(described.name, { status: String(described.status) });
    }
    case 'timeout':
      return t('problems.timeout', { seconds: meaning.seconds });
    case 'budget':
      return t('problems.budget', { perMinute: meaning.perMinute, seconds: meaning.seconds });
    default:
      return t(`problems.${meaning.code}`);
  }
}

/** The same, with the translators of the component it is in. */
export function useProblemText(): (problem: ProblemView) => string {
  const t = useTranslations('keys');
  const tStatus = useTranslations('status');
  return (problem) => problemText(t, tStatus, problem);
}
