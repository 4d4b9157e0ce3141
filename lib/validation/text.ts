import { z } from 'zod';
import { isPlainText, type AllowedControls } from './plain-text';

/**
 * The building blocks of every text field a person or a client sends: names, searches, filters, credentials,
 * emails, passwords, codes and ids. PostgreSQL refuses a NUL character in text and a lone UTF-16 surrogate (or a
 * NUL) escaped in jsonb, so such input would fail deep in a query as a 500; here it is refused at the boundary with
 * a sentence a person can act on. Other control characters are refused too: no name, search or email means them,
 * and they make logs and the audit trail lie. No server imports: the forms check the same fields as the user types.
 */

export { isPlainText, type AllowedControls } from './plain-text';

export const PLAIN_TEXT_MESSAGE = 'use letters, digits, spaces and punctuation only (no control characters)';

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

/** The database's ids (cuids) as they appear in URLs and bodies: anything else is refused before a query runs. */
export const idParam = z
  .string()
  .trim()
  .min(1, 'is missing')
  .max(64, 'is not an id')
  .regex(/^[A-Za-z0-9_-]+$/, 'is not an id');

/** The same, naming what it expected in the sentence: idOf('an account') says "is not an account id". */
export function idOf(what: string) {
  return z
    .string()
    .trim()
    .min(1, 'is missing')
    .max(64, `is not ${what} id`)
    .regex(/^[A-Za-z0-9_-]+$/, `is not ${what} id`);
}
