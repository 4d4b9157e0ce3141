/**
 * Where a request came from, for the audit log and the per-IP sign-in limit. The rightmost X-Forwarded-For entry
 * is the one the nearest proxy (or Next.js itself, from the socket) wrote; entries to its left come from the
 * client and could be anything.
 */
export function sourceIpOf(headers: Headers | Record<string, string | string[] | undefined>): string | null {
  const read = (name: string): string | undefined => {
    if (headers instanceof Headers) return headers.get(name) ?? undefined;
    const value = headers[name];
    return Array.isArray(value) ? value.join(',') : value;
  };
  const forwarded = read('x-forwarded-for')?.split(',').map((part) => part.trim()).filter(Boolean);
  const address = forwarded?.at(-1) ?? read('x-real-ip')?.trim();
  if (!address) return null;
  // IPv4 clients on a dual-stack socket appear as ::ffff:a.b.c.d: one address, one counter.
  return address.replace(/^::ffff:(?=\d+\.\d+\.\d+\.\d+$)/, '').slice(0, 100);
}

export function userAgentOf(headers: Headers): string | null {
  return headers.get('user-agent')?.slice(0, 500) ?? null;
}
