import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterEach, describe, expect, it } from 'vitest';
import { pingUpstream } from '@/lib/sendsms/ping';

let server: http.Server | undefined;
afterEach(() => new Promise<void>((resolve) => (server ? server.close(() => resolve()) : resolve())));

async function upstream(answer: (response: http.ServerResponse) => void): Promise<string> {
  server = http.createServer((_, response) => answer(response));
  await new Promise<void>((resolve) => server!.listen(0, '127.0.0.1', resolve));
  return `http://127.0.0.1:${(server!.address() as AddressInfo).port}/json`;
}

describe('pingUpstream', () => {
  it('is ok when ping answers a success envelope, even served as text/html', async () => {
    const url = await upstream((response) =>
      response.writeHead(200, { 'content-type': 'text/html' }).end('{"status":0,"message":"OK","details":"pong"}'),
    );
    expect(await pingUpstream(url)).toMatchObject({ state: 'ok' });
  });

  it.each([
    [
      'an HTML error page',
      (response: http.ServerResponse) => response.writeHead(200).end('<html>Bad gateway</html>'),
      /not JSON|JSON/i,
    ],
    ['HTTP 502', (response: http.ServerResponse) => response.writeHead(502).end('{}'), /502|HTTP/],
    [
      'a negative status',
      (response: http.ServerResponse) => response.writeHead(200).end('{"status":-16,"message":"Internal error"}'),
      /-16/,
    ],
  ])('is down, saying why, on %s', async (_, answer, reason) => {
    const url = await upstream(answer);
    const probe = await pingUpstream(url);
    expect(probe.state).toBe('down');
    expect(probe.state === 'down' && probe.reason).toMatch(reason);
  });

  it('is down after the timeout when nothing answers', async () => {
    const url = await upstream(() => undefined);
    const probe = await pingUpstream(url, 200);
    expect(probe).toMatchObject({ state: 'down' });
    expect(probe.state === 'down' && probe.reason).toMatch(/did not answer within 0.2 s/);
  });

  it('is down when nothing listens', async () => {
    const probe = await pingUpstream('http://127.0.0.1:1/json');
    expect(probe).toMatchObject({ state: 'down' });
    expect(probe.state === 'down' && probe.reason).toMatch(/ECONNREFUSED|connect/i);
  });
});
