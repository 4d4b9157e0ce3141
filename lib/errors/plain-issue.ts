import type { Locale } from '@/i18n/locales';
import {
  asSentenceText,
  errorText,
  isLocalizedText,
  literalText,
  say,
  type LocalizedText,
} from '@/lib/errors/text/localized-text';

/**
 * A validation issue as a sentence a person reads, in their language. A schema's own message is a key of the
 * `errors` messages, carried on the issue (lib/validation/issue-text.ts puts it in `params.text`, beside the English
 * in `message`); zod's defaults ("Too small: expected string to have >=1 characters", 'Invalid option: expected one
 * of "A"|"B"') are said plainly instead, from what the issue says of itself. A message of neither kind (a schema that
 * wrote its own words) is kept as it is. Never prefixed with the field's key: the answer's `field` says where it
 * belongs. Every sentence starts with a capital: "at most 5 characters" reads "At most 5 characters".
 */

export interface ValidationIssue {
  path: ReadonlyArray<PropertyKey>;
  message: string;
  code?: string;
  values?: unknown[];
  keys?: string[];
  origin?: string;
  minimum?: number | bigint;
  maximum?: number | bigint;
  /** A custom issue's params: `text` is the sentence as a message key (lib/validation/issue-text.ts). */
  params?: unknown;
}

const ZOD_DEFAULT = /^(Invalid input|Invalid option|Unrecognized key|Too small|Too big)\b/;

export function plainIssueText(issue: ValidationIssue): LocalizedText {
  return asSentenceText(unCapitalisedText(issue));
}

function unCapitalisedText(issue: ValidationIssue): LocalizedText {
  const carried = (issue.params as { text?: unknown } | undefined)?.text;
  if (isLocalizedText(carried)) return carried;
  const message = issue.message.trim();
  if (message === '') return errorText('validation.notValid');
  if (!ZOD_DEFAULT.test(message)) return literalText(message);
  const minimum = Number(issue.minimum);
  const maximum = Number(issue.maximum);
  switch (issue.code) {
    case 'invalid_type':
      return errorText(/received undefined$/.test(message) ? 'validation.fillIn' : 'validation.wrongKind');
    case 'invalid_value':
      return Array.isArray(issue.values) && issue.values.length > 0
        ? errorText('validation.chooseOneOf', { values: issue.values.map(String).join(', ') })
        : errorText('validation.chooseOffered');
    case 'unrecognized_keys':
      return issue.keys && issue.keys.length > 0
        ? errorText('validation.unknownFields', { fields: issue.keys.map((key) => `"${key}"`).join(', ') })
        : errorText('validation.unknownField');
    case 'too_small':
      if (issue.origin === 'string')
        return minimum <= 1 ? errorText('validation.fillIn') : errorText('validation.minCharacters', { minimum });
      if (issue.origin === 'array')
        return minimum <= 1
          ? errorText('validation.chooseAtLeastOne')
          : errorText('validation.chooseAtLeast', { minimum });
      return errorText('validation.minNumber', { minimum });
    case 'too_big':
      if (issue.origin === 'string') return errorText('validation.maxCharacters', { maximum });
      if (issue.origin === 'array') return errorText('validation.chooseAtMost', { maximum });
      return errorText('validation.maxNumber', { maximum });
    default:
      return literalText(message);
  }
}

/** The issue's sentence in words (English unless a language is named). */
export function plainIssueMessage(issue: ValidationIssue, locale: Locale = 'en'): string {
  return say(plainIssueText(issue), locale);
}

/** A fragment ("enter an address") as the start of a sentence ("Enter an address"). */
export function asSentence(message: string): string {
  return message ? `${message.charAt(0).toUpperCase()}${message.slice(1)}` : 'This value is not valid.';
}
