import http from 'node:http';
import type { AddressInfo } from 'node:net';

/**
 * A local HTTP server that plays sendSMS however a unit test needs (any body, any content type, silence, a cut
 * connection), recording every request it receives. Loopback only, on a free port.
 */

export type FakeReply =
  | { body: string; contentType?: string; httpStatus?: number }
  | { envelope: { status: number; message?: string; details?: unknown } }
  | 'hang'
  | 'reset';

export interface FakeUpstream {
  url: string;
  requests: URL[];
  close(): Promise<void>;
}

export async function startFakeUpstream(
  reply: (request: URL, index: number) => FakeReply | Promise<FakeReply>,
): Promise<FakeUpstream> {
  const requests: URL[] = [];
  const server = http.createServer(async (request, response) => {
    const url = new URL(request.url ?? '/', 'http://fake');
    requests.push(url);
    const answer = await reply(url, requests.length - 1);
    if (answer === 'hang') return;
    if (answer === 'reset') {
      request.socket.resetAndDestroy();
      return;
    }
    if ('envelope' in answer) {
      response.writeHead(200, { 'content-type': 'text/html; charset=utf-8' });
      response.end(JSON.stringify({ message: '', details: null, ...answer.envelope }));
      return;
    }
    response.writeHead(answer.httpStatus ?? 200, { 'content-type': answer.contentType ?? 'text/html' });
    response.end(answer.body);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}/json`,
    requests,
    close: () =>
      new Promise<void>((resolve) => {
        server.close(() => resolve());
        server.closeAllConnections();
      }),
  };
}
