import { isPlainText } from '@/lib/validation/plain-text';

/**
 * The rule for a key's name, without zod: the rename dialog checks it as the user types (and words the problem from
 * its code, keys.renameDialog.problems.*), and the server's schema (lib/keys/inputs.ts) refuses the same with the
 * same sentences. A name is the dashboard's own label, so it must
 * show as something: blank or spaces only is refused; so is a NUL, which PostgreSQL cannot store, with a sentence
 * that names it (a pasted name can carry one that nobody sees).
 */

export const KEY_NAME_MAX = 100;

/** Each problem's sentence in English, as the server's schema says it (lib/keys/key-name.test.ts compares them). */
export const KEY_NAME_MESSAGES = {
  blank: 'Give the key a name',
  tooLong: `A name is at most ${KEY_NAME_MAX} characters`,
  nul: 'A name cannot contain a NUL character (\\0): type it rather than pasting it',
  // What lib/validation/text.ts says of every other control character, as the server answers it.
  controls: 'Use letters, digits, spaces and punctuation only (no control characters)',
} as const;

export type KeyNameProblem = keyof typeof KEY_NAME_MESSAGES;

/** What is wrong with this name as typed, or null when it will do. */
export function keyNameProblem(name: string): KeyNameProblem | null {
  if (name.includes('\u0000')) return 'nul';
  if (name.length > KEY_NAME_MAX) return 'tooLong';
  if (!isPlainText(name)) return 'controls';
  return name.trim() === '' ? 'blank' : null;
}
