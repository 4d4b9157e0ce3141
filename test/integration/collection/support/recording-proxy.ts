import http from 'node:http';
import type { AddressInfo } from 'node:net';

/**
 * A pass-through in front of the sandbox that writes down every call the dashboard makes to "sendSMS": when it
 * arrived, the action, the account named, and the status sendSMS answered. The sandbox keeps no call log, so the
 * collection tests point their accounts here (Account.apiBaseUrl) to count calls per account and time them.
 */

export interface RecordedCall {
  action: string;
  /** The `username` parameter: the sendSMS account the call is counted against. */
  username: string | null;
  /** The `token` parameter: the key an action on one key (token_list_ips) is about. */
  token: string | null;
  receivedAt: number;
  answeredAt: number | null;
  /** The envelope's status; null while unanswered, or when the answer was not JSON. */
  status: number | null;
}

export interface RecordingProxy {
  /** Give this to the dashboard as the account's base URL (it ends in /json, as the sandbox's does). */
  readonly url: string;
  readonly calls: readonly RecordedCall[];
  /** The calls naming `username`, of `action` when given, in the order they arrived. */
  callsOf(username: string, action?: string): RecordedCall[];
  /** Runs after sendSMS answered a call and before the answer is passed on (to change the sandbox in between). */
  beforeAnswer: ((call: RecordedCall) => Promise<void>) | null;
  stop(): Promise<void>;
}

export async function startRecordingProxy(targetUrl: string): Promise<RecordingProxy> {
  const calls: RecordedCall[] = [];
  const inFlight = new Set<AbortController>();

  async function relay(request: http.IncomingMessage, response: http.ServerResponse): Promise<void> {
    const url = new URL(request.url ?? '/', 'http://proxy');
    const call: RecordedCall = {
      action: url.searchParams.get('action') ?? '',
      username: url.searchParams.get('username'),
      token: url.searchParams.get('token'),
      receivedAt: Date.now(),
      answeredAt: null,
      status: null,
    };
    calls.push(call);
    const controller = new AbortController();
    inFlight.add(controller);
    try {
      const upstream = await fetch(`${targetUrl}${url.search}`, { signal: controller.signal });
      const body = await upstream.text();
      call.answeredAt = Date.now();
      try {
        call.status = (JSON.parse(body) as { status?: number }).status ?? null;
      } catch {
        call.status = null;
      }
      if (proxy.beforeAnswer) await proxy.beforeAnswer(call);
      response.writeHead(upstream.status, {
        'content-type': upstream.headers.get('content-type') ?? 'text/html; charset=utf-8',
      });
      response.end(body);
    } catch {
      // The sandbox cut the connection, or the proxy is stopping: the caller sees a cut connection too.
      response.destroy();
    } finally {
      inFlight.delete(controller);
    }
  }

  const server = http.createServer((request, response) => void relay(request, response));
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => resolve());
  });
  const port = (server.address() as AddressInfo).port;

  const proxy: RecordingProxy = {
    url: `http://127.0.0.1:${port}/json`,
    calls,
    callsOf: (username, action) =>
      calls.filter((call) => call.username === username && (action === undefined || call.action === action)),
    beforeAnswer: null,
    async stop() {
      for (const controller of inFlight) controller.abort();
      await new Promise<void>((resolve) => {
        server.close(() => resolve());
        server.closeAllConnections();
      });
    },
  };
  return proxy;
}

/** The most calls found in any stretch of `windowMs` (start included, end excluded) of these times. */
export function mostCallsInWindow(times: readonly number[], windowMs: number): number {
  const sorted = [...times].sort((a, b) => a - b);
  let most = 0;
  let first = 0;
  for (let last = 0; last < sorted.length; last += 1) {
    while (sorted[last]! - sorted[first]! >= windowMs) first += 1;
    most = Math.max(most, last - first + 1);
  }
  return most;
}
