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
  /** The URL with every secret masked: safe to log. Built only when something is logged. */
  displayUrl(): string;
}

export function buildRequestUrl(baseUrl: string, query: Record<string, QueryValue>): BuiltRequest {
  const present = Object.entries(query).filter(([, value]) => value !== undefined && value !== null && value !== '');
  const separator = baseUrl.includes('?') ? '&' : '?';
  const encode = (masked: boolean) =>
    present
      .map(
        ([name, value]) =>
          `${encodeURIComponent(name)}=${masked && SECRET_PARAMETERS.has(name) ? '***' : encodeURIComponent(String(value))}`,
      )
      .join('&');
  return {
    url: `${baseUrl}${separator}${encode(false)}`,
    displayUrl: () => `${stripUserInfo(baseUrl)}${separator}${encode(true)}`,
  };
}

function stripUserInfo(baseUrl: string): string {
  return baseUrl.replace(/^([a-z][a-z0-9+.-]*:\/\/)[^@/?#]*@/i, '$1');
}
