/**
 * What PostgreSQL can keep: it refuses a NUL character in text and in jsonb (as `\u0000`), and a lone UTF-16
 * surrogate escaped in jsonb. The audit log records refusals of exactly such input, and sendSMS's answers are stored
 * as they come, so before either is written each of them becomes U+FFFD (the replacement character): the row says
 * that something unstorable was there, and it is written. Keys of objects are cleaned too, at any depth.
 */

const UNSTORABLE = /\u0000|[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g;

export const REPLACEMENT = '\uFFFD';

export function storableText(value: string): string {
  return value.replace(UNSTORABLE, REPLACEMENT);
}

export function storableNullableText(value: string | null): string | null {
  return value === null ? null : storableText(value);
}

export function storableJson(value: unknown): unknown {
  if (typeof value === 'string') return storableText(value);
  if (Array.isArray(value)) return value.map(storableJson);
  if (value && typeof value === 'object' && !(value instanceof Date)) {
    return Object.fromEntries(Object.entries(value).map(([name, inner]) => [storableText(name), storableJson(inner)]));
  }
  return value;
}

/** Cheaper than a walk: whether a JSON text may hold something storableJson would change (raw or escaped). */
export function mayHoldUnstorable(jsonText: string): boolean {
  return /\\u0000|\\u[dD][89a-fA-F]|[\u0000\uD800-\uDFFF]/.test(jsonText);
}
