/**
 * The address the user is on, as the browser sees it: scheme, host and port. Behind a TLS-terminating proxy the
 * socket is plain http, so the proxy's X-Forwarded-Proto and X-Forwarded-Host say what the browser used; Next.js
 * fills both in from the socket when no proxy sent them. A client that sends them itself changes only its own
 * answers (the Secure flag on its own cookie, its own redirects): another site's page cannot set them on a
 * victim's request without a CORS preflight, which the dashboard never grants.
 */

type HeaderReader = { get(name: string): string | null };

const firstValue = (value: string | null): string | undefined => value?.split(',')[0]?.trim() || undefined;

/** The origin (`https://dash.example.com`, `http://127.0.0.1:3000`) the request was addressed to; null when unknowable. */
export function requestOrigin(request: { headers: HeaderReader; url: string }): string | null {
  let fallback: URL | null = null;
  try {
    fallback = new URL(request.url);
  } catch {
    fallback = null;
  }
  const protocol = firstValue(request.headers.get('x-forwarded-proto')) ?? fallback?.protocol.replace(/:$/, '');
  const host = firstValue(request.headers.get('x-forwarded-host')) ?? request.headers.get('host') ?? fallback?.host;
  if (!protocol || !host || !/^https?$/.test(protocol)) return null;
  try {
    return new URL(`${protocol}://${host}`).origin;
  } catch {
    return null;
  }
}

/** Whether the browser reached the dashboard over https: the session cookie is then Secure. */
export function reachedOverHttps(request: { headers: HeaderReader; url: string }): boolean {
  return requestOrigin(request)?.startsWith('https://') ?? false;
}
