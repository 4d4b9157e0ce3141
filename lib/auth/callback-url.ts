/** Only a path on this dashboard may be the address to return to after sign-in: no open redirect to another site. */
export function safeCallbackUrl(value: string | string[] | undefined): string {
  const candidate = Array.isArray(value) ? value[0] : value;
  if (!candidate || !candidate.startsWith('/') || candidate.startsWith('//') || candidate.startsWith('/\\')) return '/';
  if (candidate.startsWith('/login') || candidate.startsWith('/api/')) return '/';
  return candidate;
}
