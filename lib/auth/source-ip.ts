import { getConfig } from '@/lib/config';

/**
 * Where a request came from, for the audit log and the per-IP sign-in limit. The chain of addresses a request came
 * through is the X-Forwarded-For list as it arrived followed by the socket's own address, stamped on the request by
 * scripts/socket-peer.cjs before Next.js sees it. Only the last TRUST_PROXY_HOPS entries before the socket's come
 * from proxies the operator trusts; the entry just left of them is the client. With the default of 0 that is the
 * socket's address, whatever X-Forwarded-For says: adding an entry cannot reset a lockout.
 *
 * Without the stamp (a handler called outside `npm start`, as tests do) the X-Forwarded-For list stands for the
 * whole chain, its last entry for the socket.
 */
export const CHAIN_HEADER = 'x-dashboard-forwarded-chain';

type HeaderSource = Headers | Record<string, string | string[] | undefined>;

function reader(headers: HeaderSource) {
  return (name: string): string | undefined => {
    if (headers instanceof Headers) return headers.get(name) ?? undefined;
    const value = headers[name];
    return Array.isArray(value) ? value.join(',') : value;
  };
}

export function sourceIpOf(headers: HeaderSource, trustedHops = getConfig().trustProxyHops): string | null {
  const read = reader(headers);
  const chain = (read(CHAIN_HEADER) ?? read('x-forwarded-for'))
    ?.split(',')
    .map((part) => part.trim())
    .filter(Boolean);
  const address = chain?.length ? chain[Math.max(0, chain.length - 1 - trustedHops)] : read('x-real-ip')?.trim();
  if (!address) return null;
  // IPv4 clients on a dual-stack socket appear as ::ffff:a.b.c.d: one address, one counter.
  return address.replace(/^::ffff:(?=\d+\.\d+\.\d+\.\d+$)/, '').slice(0, 100);
}

export function userAgentOf(headers: Headers): string | null {
  return headers.get('user-agent')?.slice(0, 500) ?? null;
}
