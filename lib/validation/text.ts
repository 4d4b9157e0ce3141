import { z } from 'zod';
import { issueText, type IssueText } from './issue-text';
import { isPlainText, type AllowedControls } from './plain-text';

/**
 * The building blocks of every text field a person or a client sends: names, searches, filters, credentials,
 * emails, passwords, codes and ids. PostgreSQL refuses a NUL character in text and a lone UTF-16 surrogate (or a
 * NUL) escaped in jsonb, so such input would fail deep in a query as a 500; here it is refused at the boundary with
 * a sentence a person can act on. Other control characters are refused too: no name, search or email means them,
 * and they make logs and the audit trail lie. Every sentence is a key of the `errors` messages (validation.*), said
 * in the reader's language when the refusal is answered (lib/validation/issue-text.ts).
 */

export { isPlainText, type AllowedControls } from './plain-text';

const PLAIN_TEXT = issueText('validation.plainText');
/** The English of the sentence for a control character, as the issue's `message` carries it. */
export const PLAIN_TEXT_MESSAGE = PLAIN_TEXT.message;

export interface PlainTextOptions {
  /** The most characters the field takes. */
  max: number;
  /** The sentence when it is longer; "at most N characters" when absent. */
  tooLong?: IssueText;
  controls?: AllowedControls;
}

/**
 * A text field of ordinary characters, at most `max` long. Chain .trim(), .toLowerCase() and refinements with
 * sentences of their own (`.refine(filled, issueText(…))`) on it.
 */
export function plainText({ max, tooLong, controls = 'none' }: PlainTextOptions) {
  return z
    .string()
    .refine((value) => value.length <= max, tooLong ?? issueText('validation.textTooLong', { max }))
    .refine((value) => isPlainText(value, controls), PLAIN_TEXT);
}

/** The pattern of the database's ids (cuids) as they appear in URLs and bodies: the one copy of it. */
const ID_PATTERN = /^[A-Za-z0-9_-]+$/;

/** What an id names, as idOf takes it: these have sentences in every language. */
export type IdKind = 'an account' | 'a user' | 'a key' | 'an';

const ID_KINDS: Record<IdKind, string> = { 'an account': 'account', 'a user': 'user', 'a key': 'key', an: 'any' };

/**
 * An id, naming what it expected in the sentence: idOf('an account') says "That is not an account id." Anything
 * that is not an id is refused before a query runs. A kind other than IdKind's is said in English only.
 */
export function idOf(what: IdKind | (string & {})) {
  const kind = Object.hasOwn(ID_KINDS, what) ? ID_KINDS[what as IdKind] : null;
  const missing = kind
    ? issueText('validation.idMissing', { kind })
    : { message: `${what.charAt(0).toUpperCase()}${what.slice(1)} id is missing.` };
  const notAnId = kind ? issueText('validation.notAnId', { kind }) : { message: `That is not ${what} id.` };
  return z
    .string()
    .trim()
    .refine((value) => value.length > 0, missing)
    .refine((value) => value.length <= 64, notAnId)
    .refine((value) => ID_PATTERN.test(value), notAnId);
}

/** Any id ("That is not an id."). */
export const idParam = idOf('an');

const EMAIL = z.email();
const URL_FORMAT = z.url();

/** What `.email()` accepts, for a refinement with a sentence of its own. */
export const isEmail = (value: string) => EMAIL.safeParse(value).success;
/** What `.url()` accepts, for a refinement with a sentence of its own. */
export const isUrl = (value: string) => URL_FORMAT.safeParse(value).success;
