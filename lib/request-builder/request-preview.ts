import type { ActionAuth } from '@/lib/sendsms/actions';
import { ACTIONS, type ActionName } from '@/lib/sendsms/actions';

/**
 * The request as a URL and as a curl line, for people to read and copy. The secrets are never in it: where the
 * password or the key goes, a placeholder says what to put there. Which credential goes where follows the key-call
 * form the dashboard used (lib/sendsms/key-form.ts), so the preview is the request that was really sent.
 */

export const PASSWORD_PLACEHOLDER = '<PASSWORD_OR_API_KEY>';
export const KEY_PLACEHOLDER = '<API_KEY>';

export interface PreviewInput {
  baseUrl: string;
  action: ActionName;
  username: string;
  /** For key actions: 'account' sends the account credential plus `token`; 'key' sends the key as the password. */
  form: 'account' | 'key' | null;
  params: Record<string, string>;
}

export interface RequestPreview {
  url: string;
  curl: string;
}

export function previewRequest(input: PreviewInput): RequestPreview {
  const auth: ActionAuth = ACTIONS[input.action].auth;
  const query: Array<[string, string]> = [['action', input.action]];
  if (auth === 'account') query.push(['username', input.username], ['password', PASSWORD_PLACEHOLDER]);
  if (auth === 'key') {
    query.push(['username', input.username]);
    if (input.form === 'key') query.push(['password', KEY_PLACEHOLDER]);
    else query.push(['password', PASSWORD_PLACEHOLDER], ['token', KEY_PLACEHOLDER]);
  }
  for (const [name, value] of Object.entries(input.params)) if (value !== '') query.push([name, value]);

  // Placeholders are left readable (not percent-encoded) so that they stand out and can be replaced by hand.
  const encoded = query
    .map(
      ([name, value]) =>
        `${encodeURIComponent(name)}=${value === PASSWORD_PLACEHOLDER || value === KEY_PLACEHOLDER ? value : encodeURIComponent(value)}`,
    )
    .join('&');
  const url = `${input.baseUrl}${input.baseUrl.includes('?') ? '&' : '?'}${encoded}`;
  return { url, curl: `curl --get '${url.replace(/'/g, `'\\''`)}'` };
}
