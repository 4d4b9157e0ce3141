/**
 * Masks secrets in text before it reaches a log line or an error message: sendSMS passes passwords and keys in
 * the query string, and database URLs carry passwords, so both shapes are covered here, in one place.
 */

const SECRET_QUERY_PARAMETERS = ['password', 'token', 'key', 'secret', 'api_key', 'apikey'];

const secretQueryPattern = new RegExp(`([?&](?:${SECRET_QUERY_PARAMETERS.join('|')})=)[^&#\\s"']*`, 'gi');
// scheme://user:password@host → scheme://user:***@host
const urlPasswordPattern = /\b([a-z][a-z0-9+.-]*:\/\/[^:/?#@\s]*:)[^@/?#\s]+@/gi;

export const MASK = '***';

export function redact(text: string): string {
  return text.replace(urlPasswordPattern, `$1${MASK}@`).replace(secretQueryPattern, `$1${MASK}`);
}
