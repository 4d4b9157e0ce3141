import type { Locale } from '@/i18n/locales';

/**
 * The same meaning in the dashboard's other language, beneath the reader's, labelled: sendSMS's support and the
 * provider's guides are Romanian while the hub is English, so a person writing to support (or support staff helping
 * a customer who reads the other language) can quote the sentence as it is. Nothing when there is none, or when it
 * says what the line above already says.
 */
export function OtherLanguage({
  language,
  label,
  text,
  same,
}: {
  /** The text's language, for the `lang` attribute; undefined when it is not known (a server's sentence). */
  language?: Locale;
  label: string;
  text: string | null | undefined;
  /** The sentence shown above: not repeated. */
  same?: string;
}) {
  if (!text || text === same) return null;
  return (
    <p className="text-sm text-zinc-600 dark:text-zinc-400">
      <span className="text-xs text-zinc-500 dark:text-zinc-400">{label}</span> <span lang={language}>{text}</span>
    </p>
  );
}
