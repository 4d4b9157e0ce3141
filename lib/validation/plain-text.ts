/**
 * The rule behind every text field (see text.ts), without zod: the browser checks a search in the address bar with
 * it, and the keys page's first-load JavaScript should not carry a validation library for that.
 */

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
