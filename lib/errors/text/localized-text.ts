import type { MessageKeys, NestedKeyOf } from 'next-intl';

import type { Locale } from '@/i18n/locales';
import { translatorFor } from '@/lib/i18n/translator';
import type { Messages } from '@/messages';

/**
 * A sentence the server says, kept as a message key and its values rather than as words, so that it is said in the
 * reader's language only when it is answered: the `errors` messages (messages/<language>/errors.json) for the
 * dashboard's own refusals, the `status` messages for what a sendSMS status means. A value may itself be a
 * LocalizedText ("sendSMS refused these credentials: {meaning}"), said in the same language first.
 *
 * Its own folder (lib/errors/text) so that lib/sendsms, which lib/errors reads, can say its sentences too without a
 * folder cycle.
 */

type ErrorMessages = Messages['errors'];

/** A key of the `errors` namespace ("notFound.key"); `tsc` refuses one that messages/en/errors.json lacks. */
export type ErrorKey = MessageKeys<ErrorMessages, NestedKeyOf<ErrorMessages>>;
/** A key of the `status` namespace: a sendSMS status name (lib/sendsms/status-codes.ts) or unknown_error/_success. */
export type StatusKey = MessageKeys<Messages['status'], NestedKeyOf<Messages['status']>>;

export type TextValue = string | number | LocalizedText;
export type TextValues = Readonly<Record<string, TextValue>>;

interface Capitalised {
  /** Said with its first letter capitalised: a fragment ("enter an IP address, …") that stands as a sentence. */
  sentence?: boolean;
}

export type LocalizedText = Capitalised &
  (
    | { namespace: 'errors'; key: ErrorKey; values?: TextValues }
    | { namespace: 'status'; key: StatusKey; values?: TextValues }
    /** Words that have no message (a schema of another area that wrote its own): said as they are, in English. */
    | { literal: string }
  );

export function errorText(key: ErrorKey, values?: TextValues): LocalizedText {
  return values === undefined ? { namespace: 'errors', key } : { namespace: 'errors', key, values };
}

/** What a sendSMS status means; `status` fills the unknown_error / unknown_success sentences (a code: no grouping). */
export function statusText(key: StatusKey, status: number): LocalizedText {
  return { namespace: 'status', key, values: { status: String(status) } };
}

export function literalText(literal: string): LocalizedText {
  return { literal };
}

/** The same text, said with its first letter capitalised. */
export function asSentenceText(text: LocalizedText): LocalizedText {
  return { ...text, sentence: true };
}

const translators = new Map<string, (key: string, values?: Record<string, string | number>) => string>();

function translator(locale: Locale, namespace: 'errors' | 'status') {
  const id = `${locale}:${namespace}`;
  let t = translators.get(id);
  if (!t) {
    t = translatorFor(locale, namespace) as unknown as (
      key: string,
      values?: Record<string, string | number>,
    ) => string;
    translators.set(id, t);
  }
  return t;
}

/** The text in words, in this language. */
export function say(text: LocalizedText, locale: Locale): string {
  const words =
    'literal' in text
      ? text.literal
      : translator(locale, text.namespace)(text.key, text.values && sayValues(text.values, locale));
  return text.sentence ? asSentence(words) : words;
}

function sayValues(values: TextValues, locale: Locale): Record<string, string | number> {
  return Object.fromEntries(
    Object.entries(values).map(([name, value]) => [name, typeof value === 'object' ? say(value, locale) : value]),
  );
}

/** The text in both languages, for what shows both side by side (the request builder's meanings, the audit trail). */
export function inBothLanguages(text: LocalizedText): { en: string; ro: string } {
  return { en: say(text, 'en'), ro: say(text, 'ro') };
}

/** A fragment ("enter an address") as the start of a sentence ("Enter an address"). */
export function asSentence(message: string): string {
  return message ? `${message.charAt(0).toUpperCase()}${message.slice(1)}` : message;
}

/** Whether a value is a LocalizedText (an error from another copy of a module carries one as plain data). */
export function isLocalizedText(value: unknown): value is LocalizedText {
  if (typeof value !== 'object' || value === null) return false;
  const candidate = value as { literal?: unknown; namespace?: unknown; key?: unknown };
  return (
    typeof candidate.literal === 'string' ||
    ((candidate.namespace === 'errors' || candidate.namespace === 'status') && typeof candidate.key === 'string')
  );
}
