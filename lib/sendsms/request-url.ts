/**
 * The one request shape sendSMS takes: `GET {base}?action=…&username=…&password=…&…`, every value URL-encoded,
 * booleans as true/false, optional parameters left out rather than sent empty. Built alongside is the same URL
 * with every secret replaced, which is the only form that may reach a log line or an error message.
 */

export type QueryValue = string | number | boolean | null | undefined;

/** Parameters whose values are secrets and never appear in the display URL. */
const SECRET_PARAMETERS = new Set(['password', 'token', 'request_key', 'key']);

export interface BuiltRequest {
  url: string;
  /** The URL with every secret masked: safe to log. */
  displayUrl: string;
}

export function buildRequestUrl(baseUrl: string, query: Record<string, QueryValue>): BuiltRequest {
  const parts: string[] = [];
  const displayParts: string[] = [];
  for (const [name, value] of Object.entries(query)) {
    if (value === undefined || value === null || value === '') continue;
    const encodedName = encodeURIComponent(name);
    parts.push(`${encodedName}=${encodeURIComponent(String(value))}`);
    displayParts.push(`${encodedName}=${SECRET_PARAMETERS.has(name) ? '***' : encodeURIComponent(String(value))}`);
  }
  const separator = baseUrl.includes('?') ? '&' : '?';
  return { url: `${baseUrl}${separator}${parts.join('&')}`, displayUrl: `${stripUserInfo(baseUrl)}${separator}${displayParts.join('&')}` };
}

function stripUserInfo(baseUrl: string): string {
  return baseUrl.replace(/^([a-z][a-z0-9+.-]*:\/\/)[^@/?#]*@/i, '$1');
}
