import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { createRequire } from 'node:module';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CHAIN_HEADER, sourceIpOf } from '@/lib/auth/source-ip';

// What `npm start` preloads into Next.js: loaded here the same way, into this process's http.Server.
createRequire(import.meta.url)('./socket-peer.cjs');

let server: http.Server;
let port: number;

beforeAll(async () => {
  server = http.createServer((request, response) => {
    response.setHeader('content-type', 'application/json');
    response.end(
      JSON.stringify({
        chain: request.headers[CHAIN_HEADER],
        hops0: sourceIpOf(request.headers, 0),
        hops1: sourceIpOf(request.headers, 1),
        hops2: sourceIpOf(request.headers, 2),
      }),
    );
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  port = (server.address() as AddressInfo).port;
});
afterAll(() => new Promise<void>((resolve) => server.close(() => resolve())));

async function ask(headers: Record<string, string> = {}) {
  const response = await fetch(`http://127.0.0.1:${port}/`, { headers });
  return (await response.json()) as { chain: string; hops0: string; hops1: string; hops2: string };
}

describe('the source address of a request', () => {
  it("is the socket's address by default, whatever X-Forwarded-For says", async () => {
    expect(await ask()).toMatchObject({ chain: '127.0.0.1', hops0: '127.0.0.1', hops1: '127.0.0.1' });
    for (const forged of ['203.0.113.5', '203.0.113.5, 198.51.100.1', 'garbage']) {
      expect((await ask({ 'x-forwarded-for': forged })).hops0).toBe('127.0.0.1');
    }
  });

  it('is the entry a trusted proxy appended, with TRUST_PROXY_HOPS proxies', async () => {
    // A client that forges an entry, then one proxy that appends the address it saw.
    const answer = await ask({ 'x-forwarded-for': '192.0.2.66, 203.0.113.5' });
    expect(answer).toMatchObject({ hops1: '203.0.113.5', hops2: '192.0.2.66' });
  });

  it('cannot be set by the client under the stamp header itself', async () => {
    const answer = await ask({ [CHAIN_HEADER]: '203.0.113.99' });
    expect(answer.chain).toBe('127.0.0.1');
    expect(answer.hops0).toBe('127.0.0.1');
  });
});
