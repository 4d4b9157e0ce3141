/**
 * Whether a path's percent-encoding is broken (`/api/accounts/%E0%A4%A/keys`: a % not followed by two hex digits,
 * or bytes that are not UTF-8). Next.js cannot decode such a path into route params and answers a bare 500
 * "Internal Server Error" for it, before any handler of ours runs; the proxy asks this first and answers 400.
 * Pure: the proxy runs on the edge runtime. The refusal's sentence is the `errors` message request.malformedPath.
 */
export function hasMalformedEncoding(pathname: string): boolean {
  if (!pathname.includes('%')) return false;
  try {
    decodeURIComponent(pathname);
    return false;
  } catch {
    return true;
  }
}
