/**
 * The browser's side of next-auth's own endpoints: sign in with the credentials form, sign in through single
 * sign-on, sign out. A few fetches, the same requests next-auth/react sends, instead of next-auth/react itself,
 * which would put about 10 KB (gzipped) on every page of the dashboard for these three calls.
 */

const BASE = '/api/auth';

async function csrfToken(): Promise<string> {
  const response = await fetch(`${BASE}/csrf`, { cache: 'no-store' });
  const { csrfToken: token } = (await response.json()) as { csrfToken?: unknown };
  if (typeof token !== 'string') throw new Error('the sign-in service gave no CSRF token');
  return token;
}

async function post(path: string, fields: Record<string, string>): Promise<{ response: Response; url: URL | null }> {
  const body = new URLSearchParams({
    ...fields,
    csrfToken: await csrfToken(),
    callbackUrl: window.location.href,
    json: 'true',
  });
  const response = await fetch(`${BASE}/${path}`, {
    method: 'POST',
    headers: { 'content-type': 'application/x-www-form-urlencoded' },
    body,
  });
  const data = (await response.json().catch(() => ({}))) as { url?: unknown };
  return { response, url: typeof data.url === 'string' ? new URL(data.url, window.location.href) : null };
}

export interface SignInResult {
  ok: boolean;
  /** next-auth's error code (see lib/auth/sign-in-errors.ts), or null. */
  error: string | null;
}

/** Email, password and (when asked for) a 2FA code; sets the session cookie when they are right. */
export async function signInWithCredentials(fields: {
  email: string;
  password: string;
  code: string;
}): Promise<SignInResult> {
  const { response, url } = await post('callback/credentials', { ...fields, redirect: 'false' });
  const error = url?.searchParams.get('error') ?? (response.ok ? null : 'unknown');
  return { ok: response.ok && error === null, error };
}

/** Hands the browser to the single sign-on provider, which sends it back to `callbackUrl`. */
export async function signInWithProvider(provider: string, callbackUrl: string): Promise<void> {
  const body = new URLSearchParams({ csrfToken: await csrfToken(), callbackUrl, json: 'true' });
  const response = await fetch(`${BASE}/signin/${encodeURIComponent(provider)}`, {
    method: 'POST',
    headers: { 'content-type': 'application/x-www-form-urlencoded' },
    body,
  });
  const data = (await response.json().catch(() => ({}))) as { url?: unknown };
  window.location.href = typeof data.url === 'string' ? data.url : `${BASE}/signin`;
}

/** Ends the session (the cookie is cleared by the answer). */
export async function signOut(): Promise<void> {
  await post('signout', {});
}
