import { errorText, say, type ErrorKey, type LocalizedText, type TextValues } from '@/lib/errors/text/localized-text';

/**
 * A schema's own sentence, as a key of the `errors` messages: the issue zod raises carries the English in
 * `message` (what zod, its other readers and the tests see) and the key with its values in `params.text`, from which
 * the one mapper (lib/errors/plain-issue.ts) says it in the reader's language. Only custom issues keep `params`, so
 * it is given to `.refine()` (or to `context.addIssue()`), never to `.min()`, `.max()` or `.regex()`:
 *
 *   plainText({ max: 100 }).trim().refine(filled, issueText('users.enterName'))
 */
export interface IssueText {
  message: string;
  params: { text: LocalizedText };
}

export function issueText(key: ErrorKey, values?: TextValues): IssueText {
  return issueOf(errorText(key, values));
}

/** The same for a sentence already made (an IP address's problem, a sentence with another inside). */
export function issueOf(text: LocalizedText): IssueText {
  return { message: say(text, 'en'), params: { text } };
}

/** Something was typed: the refinement for "fill in this field" sentences. */
export const filled = (value: string) => value.length > 0;

/** At least this many characters. */
export const atLeast = (minimum: number) => (value: string) => value.length >= minimum;
