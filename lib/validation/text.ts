import { z } from 'zod';

/**
 * The building blocks of every text field a person or a client sends: names, searches, filters, credentials,
 * emails, passwords, codes and ids. PostgreSQL refuses a NUL character in text and a lone UTF-16 surrogate (or a
 * NUL) escaped in jsonb, so such input would fail deep in a query as a 500; here it is refused at the boundary with
 * a sentence a person can act on. Other control characters are refused too: no name, search or email means them,
 * and they make logs and the audit trail lie. No server imports: the forms check the same fields as the user types.
 */

export const PLAIN_TEXT_MESSAGE = 'use letters, digits, spaces and punctuation only (no control characters)';

/**
 * Which control characters a field takes: none (names, searches, emails…); 'lines' (tab, line feed, carriage
 * return: none of today's fields); 'all' but NUL, for text that must match what another system stored (a key's
 * name as sendSMS gave it, typed to confirm a deletion).
 */
export type AllowedControls = 'none' | 'lines' | 'all';

const CONTROLS: Record<AllowedControls, RegExp> = {
  none: /[\u0000-\u001F\u007F]/,
  lines: /[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F]/,
  all: /\u0000/,
};
/** Half of a surrogate pair without the other half: not a character, and not encodable as UTF-8. */
const LONE_SURROGATE = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/;

export function isPlainText(value: string, controls: AllowedControls = 'none'): boolean {
  return !CONTROLS[controls].test(value) && !LONE_SURROGATE.test(value);
}

export interface PlainTextOptions {
  /** The most characters the field takes. */
  max: number;
  /** The sentence when it is longer; "at most N characters" when absent. */
  tooLong?: string;
  controls?: AllowedControls;
}

/** A text field of ordinary characters, at most `max` long. Chain .trim(), .min(), .email() and the like on it. */
export function plainText({ max, tooLong, controls = 'none' }: PlainTextOptions) {
  return z
    .string()
    .max(max, tooLong ?? `at most ${max.toLocaleString('en')} characters`)
    .refine((value) => isPlainText(value, controls), PLAIN_TEXT_MESSAGE);
}

/** The pattern of the database's ids (cuids) as they appear in URLs and bodies: the one copy of it. */
const ID_PATTERN = /^[A-Za-z0-9_-]+$/;

/**
 * An id, naming what it expected in the sentence: idOf('an account') says "That is not an account id." Anything
 * that is not an id is refused before a query runs.
 */
export function idOf(what: string) {
  const notAnId = `That is not ${what} id.`;
  return z
    .string()
    .trim()
    .min(1, `${what.charAt(0).toUpperCase()}${what.slice(1)} id is missing.`)
    .max(64, notAnId)
    .regex(ID_PATTERN, notAnId);
}

/** Any id ("That is not an id."). */
export const idParam = idOf('an');
