import { useLocale, useTranslations } from 'next-intl';

import { OtherLanguage } from '@/components/request-builder/other-language';
import { statusMeaning } from '@/components/request-builder/status-meaning';
import { Badge } from '@/components/ui/badge';
import { failedRun, type BuilderRefusal } from '@/lib/request-builder/failed-run';

/** The refusals the panel names by their code; any other is "refused by the dashboard". */
const LABELLED = ['rate-limited', 'upstream-unavailable', 'forbidden', 'invalid', 'not-found', 'network'] as const;
/** The refusals whose gist the panel can say when the server sent no sentence in the reader's language. */
const EXPLAINED = [...LABELLED, 'conflict'] as const;
/** Refusals after which sendSMS's status is followed by "The dashboard changed nothing." (lib/errors/upstream-error.ts). */
const NOTHING_CHANGED = new Set(['rate-limited', 'upstream-unavailable']);

const known = <Code extends string>(codes: readonly Code[], code: string): code is Code =>
  (codes as readonly string[]).includes(code);

/**
 * A "Test request" the dashboard refused rather than answered (its budget spent, sendSMS unreachable, a role that
 * may not change keys): in the result's place, shaped like a result, with its meaning in the reader's language. In
 * English that is the server's own sentence; in Romanian the server's Romanian when it sent one (sendSMS's failures
 * carry it), else the gist of the refusal by its code. When sendSMS answered a status, the status says it. The other
 * language's sentence follows, labelled, for support.
 */
/** The refusal's badge and what it means, in the reader's language: shown by the panel, said once by the builder. */
export function refusalWords(
  t: ReturnType<typeof useTranslations<'requestBuilder'>>,
  tStatus: ReturnType<typeof useTranslations<'status'>>,
  locale: string,
  refusal: BuilderRefusal,
): { label: string; meaning: string } {
  const status = refusal.upstreamStatus ?? null;
  const label =
    status !== null
      ? t('result.status', { status })
      : t(`failed.label.${known(LABELLED, refusal.code) ? refusal.code : 'other'}`);
  const gist = t(`failed.meaning.${known(EXPLAINED, refusal.code) ? refusal.code : 'other'}`);
  const meaning =
    status !== null
      ? NOTHING_CHANGED.has(refusal.code)
        ? `${statusMeaning(tStatus, status)} ${t('failed.nothingChanged')}`
        : statusMeaning(tStatus, status)
      : locale === 'ro'
        ? refusal.messageRo || gist
        : refusal.message || gist;
  return { label, meaning };
}

export function FailedRunPanel({ refusal }: { refusal: BuilderRefusal }) {
  const t = useTranslations('requestBuilder');
  const tStatus = useTranslations('status');
  const locale = useLocale();
  const { label, meaning } = refusalWords(t, tStatus, locale, refusal);
  return (
    <section
      aria-labelledby="result-title"
      className="grid gap-4 rounded-xl border border-red-200 p-4 dark:border-red-900"
    >
      <div className="flex flex-wrap items-center gap-3">
        <h2 id="result-title" className="text-lg font-semibold">
          {t('result.title')}
        </h2>
        <Badge tone="danger">{label}</Badge>
      </div>
      <div className="grid gap-1">
        <p className="font-medium">{meaning}</p>
        {locale === 'ro' ? (
          // The server's sentence, whichever language it came in: the label does not claim one.
          <OtherLanguage label={t('result.serverMessage')} text={refusal.message} same={meaning} />
        ) : (
          <OtherLanguage language="ro" label={t('result.otherLanguage')} text={failedRun(refusal).meaning.ro} />
        )}
      </div>
    </section>
  );
}
