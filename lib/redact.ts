/**
 * Masks secrets in text before it reaches a log line or an error message: sendSMS passes passwords and keys in
 * the query string, answers some actions with keys inside JSON, and database URLs carry passwords, so all three
 * shapes are covered here, in one place.
 */

const SECRET_QUERY_PARAMETERS = ['password', 'token', 'key', 'secret', 'api_key', 'apikey', 'request_key'];
// sendSMS's JSON answers name a key `key` (user_get_api_key) or `token` (token_list, token_generate).
const SECRET_JSON_FIELDS = ['password', 'token', 'key', 'secret', 'api_key', 'apikey', 'request_key'];

const secretQueryPattern = new RegExp(`([?&](?:${SECRET_QUERY_PARAMETERS.join('|')})=)[^&#\\s"']*`, 'gi');
// "key": "value" (with escaped quotes inside the value) → "key": "***"
const secretJsonPattern = new RegExp(`("(?:${SECRET_JSON_FIELDS.join('|')})"\\s*:\\s*)"(?:[^"\\\\]|\\\\.)*"`, 'gi');
// scheme://user:password@host → scheme://user:***@host
const urlPasswordPattern = /\b([a-z][a-z0-9+.-]*:\/\/[^:/?#@\s]*:)[^@/?#\s]+@/gi;

export const MASK = '***';

export function redact(text: string): string {
  return text
    .replace(urlPasswordPattern, `$1${MASK}@`)
    .replace(secretQueryPattern, `$1${MASK}`)
    .replace(secretJsonPattern, `$1"${MASK}"`);
}

/**
 * redact(), and also every occurrence of the given secrets wherever they appear: an upstream message or an
 * HTML error page may echo a password or key in a shape no pattern foresees. Secrets shorter than 4 characters
 * are masked only in the known shapes, or every "a" in a text would vanish.
 */
export function redactSecrets(text: string, secrets: Iterable<string | undefined | null>): string {
  let masked = redact(text);
  for (const secret of secrets) {
    if (!secret || secret.length < 4) continue;
    masked = masked.split(secret).join(MASK);
    const encoded = encodeURIComponent(secret);
    if (encoded !== secret) masked = masked.split(encoded).join(MASK);
  }
  return masked;
}
