import { requestOrigin } from '@/lib/auth/request-origin';

/**
 * Refuses a state-changing request that a browser sent from another site (a forged form or fetch). Browsers send
 * Origin on every cross-origin POST and Sec-Fetch-Site on every request; tools like curl send neither and carry no
 * victim's cookie, so they are let through to the session check. The Origin must match the dashboard's own origin
 * in scheme, host and port: http://dash.example.com is another origin than https://dash.example.com.
 */
const SAFE_METHODS = new Set(['GET', 'HEAD', 'OPTIONS']);

export function isCrossOriginWrite(request: Request): boolean {
  if (SAFE_METHODS.has(request.method.toUpperCase())) return false;
  const fetchSite = request.headers.get('sec-fetch-site');
  if (fetchSite === 'cross-site' || fetchSite === 'same-site') return true;
  const origin = request.headers.get('origin');
  if (!origin) return false;
  if (origin === 'null') return true;
  const own = requestOrigin(request);
  try {
    return own === null || new URL(origin).origin !== own;
  } catch {
    return true;
  }
}
