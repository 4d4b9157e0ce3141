/**
 * How one request reaches sendSMS and its answer comes back, apart from everything the client decides (which
 * request, what the answer means, whether to try again). The client needs only this: a GET of a URL, within a
 * deadline, answered with the HTTP status and the body as text.
 *
 * Two implementations: http-transport.ts (node:http/https with keep-alive, the default) and fetchTransport below,
 * for callers that bring their own fetch (tests counting calls, the traffic simulator adding a header).
 */

export interface UpstreamAnswer {
  httpStatus: number;
  body: string;
}

export interface TransportRequest {
  url: string;
  timeoutMs: number;
  /**
   * False for calls that must never be sent twice (writes): they go on a connection of their own, never on a pooled
   * one that the server may have closed meanwhile, so that no layer below the client ever re-sends them.
   */
  reuseConnection: boolean;
}

export type Transport = (request: TransportRequest) => Promise<UpstreamAnswer>;

/** The deadline passed before the answer came: the request was abandoned (and its connection closed). */
export class TransportTimeoutError extends Error {
  /** Recognised by this, not instanceof (see isTransportTimeout). */
  readonly transportTimeout = true as const;
  constructor(readonly timeoutMs: number) {
    super(`no answer within ${timeoutMs} ms`);
    this.name = 'TransportTimeoutError';
  }
}

/** A transport's timeout from any module copy. */
export function isTransportTimeout(error: unknown): error is TransportTimeoutError {
  return (
    typeof error === 'object' && error !== null && (error as { transportTimeout?: unknown }).transportTimeout === true
  );
}

export function fetchTransport(fetchImpl: typeof fetch): Transport {
  return async ({ url, timeoutMs }) => {
    // A timer cleared on answer rather than AbortSignal.timeout(): thousands of calls must not leave thousands of
    // pending timers behind.
    const controller = new AbortController();
    const timer = setTimeout(() => controller.abort(), timeoutMs);
    try {
      const response = await fetchImpl(url, { signal: controller.signal, cache: 'no-store' });
      return { httpStatus: response.status, body: await response.text() };
    } catch (error) {
      if (controller.signal.aborted) throw new TransportTimeoutError(timeoutMs);
      throw error;
    } finally {
      clearTimeout(timer);
    }
  };
}
