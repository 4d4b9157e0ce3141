import { useLocale, useTranslations } from 'next-intl';

import type { Locale } from '@/i18n/locales';
import { CopyButton } from '@/components/keys/copy-button';
import { OtherLanguage } from '@/components/request-builder/other-language';
import { statusMeaning } from '@/components/request-builder/status-meaning';
import { Badge } from '@/components/ui/badge';
import type { BuilderRunResult } from '@/lib/request-builder/run-request';

type Translate = ReturnType<typeof useTranslations<'requestBuilder.result'>>;

/** The command line's name: not a word. */
const CURL = 'curl';

/**
 * The message line: sendSMS's own message as it came, or what the dashboard says in its place (token_add_ip goes
 * through the keys service): a code worded here, or the dashboard's sentence in the reader's language.
 */
function messageText(t: Translate, result: BuilderRunResult, locale: Locale): string {
  switch (result.note?.code) {
    case 'ok':
      return t('messages.ok');
    case 'already-listed':
      return t('messages.alreadyListed');
    case 'sentence':
      return result.note.text[locale];
    default:
      return result.message;
  }
}

/**
 * What "Test request" got back, as the hub shows it on the page at once: the status and what it means in the
 * reader's language (with the other language's sentence beneath, labelled, for a message to support), sendSMS's own
 * message, the details, how long it took, and the request itself as a URL and a curl line, secrets replaced by
 * placeholders (so copying them copies no secret).
 */
/**
 * The result's badge ("status 0", "no answer", "outcome unknown, checking") and what it means, in the reader's
 * language: shown by the panel and said once by the builder's status line.
 */
export function resultWords(
  t: Translate,
  tStatus: ReturnType<typeof useTranslations<'status'>>,
  locale: Locale,
  result: BuilderRunResult,
): { badge: string; meaning: string } {
  const badge =
    result.outcome === 'unknown'
      ? t('outcomeUnknown')
      : result.status === null
        ? t('noAnswer')
        : t('status', { status: result.status });
  // A status means what the status table says; without one (no answer, an answer not understood) the server's own
  // sentence says why, in both languages.
  const meaning =
    result.status !== null
      ? statusMeaning(tStatus, result.status)
      : result.outcome === 'unknown'
        ? t('outcomeUnknownMeaning')
        : result.meaning[locale];
  return { badge, meaning };
}

export function ResultPanel({ result }: { result: BuilderRunResult }) {
  const t = useTranslations('requestBuilder.result');
  const tStatus = useTranslations('status');
  const locale = useLocale();
  const other = locale === 'ro' ? 'en' : 'ro';
  const { badge, meaning } = resultWords(t, tStatus, locale, result);
  return (
    <section
      aria-labelledby="result-title"
      className="grid gap-4 rounded-xl border border-zinc-200 p-4 dark:border-zinc-800"
    >
      <div className="flex flex-wrap items-center gap-3">
        <h2 id="result-title" className="text-lg font-semibold">
          {t('title')}
        </h2>
        {result.outcome === 'unknown' ? (
          // The change may have happened: not a failure, and not shown as one.
          <Badge tone="info">{badge}</Badge>
        ) : (
          <Badge tone={result.ok ? 'success' : 'danger'}>{badge}</Badge>
        )}
        <span className="text-sm text-zinc-600 dark:text-zinc-400">{t('duration', { ms: result.durationMs })}</span>
      </div>
      <div className="grid gap-1">
        <p className="font-medium">{meaning}</p>
        <OtherLanguage language={other} label={t('otherLanguage')} text={result.meaning[other]} />
      </div>
      <dl className="grid gap-3 text-sm">
        <div className="grid gap-1">
          <dt className="text-zinc-600 dark:text-zinc-400">{t('message')}</dt>
          <dd>
            {messageText(t, result, locale) || (
              <span className="text-zinc-500 dark:text-zinc-400">{t('noMessage')}</span>
            )}
          </dd>
        </div>
        <div className="grid gap-1">
          <dt className="text-zinc-600 dark:text-zinc-400">{t('details')}</dt>
          <dd>
            {/* Scrolls when long: a keyboard can reach and scroll it too. */}
            <pre
              role="region"
              aria-label={t('details')}
              tabIndex={0}
              className="max-h-80 overflow-auto rounded-md bg-zinc-100 p-3 font-mono text-xs focus-visible:outline-2 focus-visible:outline-blue-600 dark:bg-zinc-900 dark:focus-visible:outline-blue-400"
            >
              {JSON.stringify(result.details, null, 2)}
            </pre>
          </dd>
        </div>
        {result.lockedIps ? (
          <div className="grid gap-1">
            <dt className="text-zinc-600 dark:text-zinc-400">{t('lockedIps')}</dt>
            <dd className="font-mono text-xs">
              {result.lockedIps.map((ip) => ip.address).join(', ') || t('noLockedIps')}
            </dd>
          </div>
        ) : null}
        <div className="grid gap-1">
          <dt className="flex items-center gap-2 text-zinc-600 dark:text-zinc-400">
            {t('requestUrl')} <CopyButton text={result.preview.url} label={t('copyUrl')} />
          </dt>
          <dd>
            <code className="block overflow-x-auto rounded-md bg-zinc-100 p-2 font-mono text-xs break-all dark:bg-zinc-900">
              {result.preview.url}
            </code>
          </dd>
        </div>
        <div className="grid gap-1">
          <dt className="flex items-center gap-2 text-zinc-600 dark:text-zinc-400">
            {CURL} <CopyButton text={result.preview.curl} label={t('copyCurl')} />
          </dt>
          <dd>
            <code className="block overflow-x-auto rounded-md bg-zinc-100 p-2 font-mono text-xs break-all dark:bg-zinc-900">
              {result.preview.curl}
            </code>
          </dd>
        </div>
      </dl>
      <p className="text-xs text-zinc-500 dark:text-zinc-400">{t('placeholders')}</p>
    </section>
  );
}
