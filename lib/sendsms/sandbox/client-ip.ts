import type { IncomingMessage } from 'node:http';
import { isIP } from 'node:net';

/**
 * The caller's IP as the sandbox sees it: the socket's address, or the header X-Sandbox-Client-Ip so that tests
 * and the demo can play integrations calling from several addresses. Only the sandbox honours that header; the
 * dashboard never sends it to a real sendSMS.
 */

export const CLIENT_IP_HEADER = 'x-sandbox-client-ip';

export function callerIp(request: IncomingMessage): string {
  const claimed = request.headers[CLIENT_IP_HEADER];
  if (typeof claimed === 'string' && isIP(claimed.trim()) !== 0) return claimed.trim();
  const address = request.socket.remoteAddress ?? '127.0.0.1';
  // An IPv4 caller on a dual-stack socket shows as ::ffff:a.b.c.d.
  return address.startsWith('::ffff:') && isIP(address.slice(7)) === 4 ? address.slice(7) : address;
}
