import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import http from 'node:http';
import https from 'node:https';
import type { AddressInfo } from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { httpTransport } from '@/lib/sendsms/http-transport';
import { TransportTimeoutError } from '@/lib/sendsms/transport';

/** A loopback server that counts the connections it is given and answers each request as told. */
async function startServer(
  answer: (request: http.IncomingMessage, response: http.ServerResponse) => void,
  server: http.Server = http.createServer(),
) {
  let connections = 0;
  const closed: number[] = [];
  server.on('connection', (socket) => {
    const id = ++connections;
    socket.on('close', () => closed.push(id));
  });
  server.on('request', answer);
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  const stop = () =>
    new Promise<void>((resolve) => {
      server.close(() => resolve());
      server.closeAllConnections();
    });
  running.push(stop);
  return { port, connections: () => connections, closed, stop };
}

const running: Array<() => Promise<void>> = [];
afterEach(async () => {
  await Promise.all(running.splice(0).map((stop) => stop()));
});

const ok = (_request: http.IncomingMessage, response: http.ServerResponse) => {
  response.writeHead(200, { 'content-type': 'text/html' });
  response.end('{"status":0,"message":"OK","details":null}');
};

describe('the node:http transport', () => {
  const transport = httpTransport();

  it('answers with the HTTP status and the body as text, whatever the status', async () => {
    const server = await startServer((_request, response) => {
      response.writeHead(503);
      response.end('<html>down for maintenance</html>');
    });
    await expect(
      transport({ url: `http://127.0.0.1:${server.port}/json?action=ping`, timeoutMs: 2_000, reuseConnection: true }),
    ).resolves.toEqual({
      httpStatus: 503,
      body: '<html>down for maintenance</html>',
    });
  });

  it('decodes UTF-8 split across chunks', async () => {
    const bytes = Buffer.from('{"status":0,"message":"Mesaj trimis: ăîșț","details":"€"}', 'utf8');
    const server = await startServer((_request, response) => {
      response.writeHead(200);
      // Split in the middle of a multi-byte character.
      const cut = bytes.indexOf(Buffer.from('ș')) + 1;
      response.write(bytes.subarray(0, cut));
      setTimeout(() => response.end(bytes.subarray(cut)), 5);
    });
    const answer = await transport({
      url: `http://127.0.0.1:${server.port}/json`,
      timeoutMs: 2_000,
      reuseConnection: true,
    });
    expect(JSON.parse(answer.body)).toEqual({ status: 0, message: 'Mesaj trimis: ăîșț', details: '€' });
  });

  it('sends the URL as it is given: path and query string untouched', async () => {
    let seen = '';
    const server = await startServer((request, response) => {
      seen = request.url ?? '';
      ok(request, response);
    });
    await transport({
      url: `http://127.0.0.1:${server.port}/json?action=token_add_ip&ipaddr=2001%3Adb8%3A%3A1&password=a%26b`,
      timeoutMs: 2_000,
      reuseConnection: false,
    });
    expect(seen).toBe('/json?action=token_add_ip&ipaddr=2001%3Adb8%3A%3A1&password=a%26b');
  });

  it('keeps the connection of reads for the next read, and gives every write a connection of its own', async () => {
    const server = await startServer(ok);
    const url = `http://127.0.0.1:${server.port}/json`;
    for (let index = 0; index < 5; index += 1) await transport({ url, timeoutMs: 2_000, reuseConnection: true });
    expect(server.connections()).toBe(1);
    for (let index = 0; index < 3; index += 1) await transport({ url, timeoutMs: 2_000, reuseConnection: false });
    expect(server.connections()).toBe(4);
  });

  it('gives up at the deadline and closes the connection, so no late answer is read', async () => {
    const server = await startServer(() => undefined);
    const started = performance.now();
    await expect(
      transport({ url: `http://127.0.0.1:${server.port}/json`, timeoutMs: 150, reuseConnection: true }),
    ).rejects.toBeInstanceOf(TransportTimeoutError);
    expect(performance.now() - started).toBeGreaterThanOrEqual(140);
    expect(performance.now() - started).toBeLessThan(1_500);
    await expect.poll(() => server.closed.length).toBe(1);
  });

  it('reports a reset connection and a refused one with their codes', async () => {
    const server = await startServer((request) => request.socket.resetAndDestroy());
    await expect(
      transport({ url: `http://127.0.0.1:${server.port}/json`, timeoutMs: 2_000, reuseConnection: true }),
    ).rejects.toMatchObject({ code: 'ECONNRESET' });
    await server.stop();
    await expect(
      transport({ url: `http://127.0.0.1:${server.port}/json`, timeoutMs: 2_000, reuseConnection: true }),
    ).rejects.toMatchObject({ code: 'ECONNREFUSED' });
  });

  it('refuses a URL that is neither http nor https', async () => {
    await expect(
      transport({ url: 'ftp://127.0.0.1/json', timeoutMs: 2_000, reuseConnection: true }),
    ).rejects.toMatchObject({ code: 'ERR_INVALID_PROTOCOL' });
  });

  const openssl = (() => {
    try {
      execFileSync('openssl', ['version'], { stdio: 'ignore' });
      return true;
    } catch {
      return false;
    }
  })();

  it.skipIf(!openssl)('speaks TLS to https URLs and checks the certificate', async () => {
    const folder = fs.mkdtempSync(path.join(os.tmpdir(), 'transport-tls-'));
    try {
      execFileSync(
        'openssl',
        [
          'req',
          '-x509',
          '-newkey',
          'rsa:2048',
          '-nodes',
          '-days',
          '1',
          '-subj',
          '/CN=127.0.0.1',
          '-keyout',
          path.join(folder, 'key.pem'),
          '-out',
          path.join(folder, 'cert.pem'),
        ],
        { stdio: 'ignore' },
      );
      const tls = https.createServer({
        key: fs.readFileSync(path.join(folder, 'key.pem')),
        cert: fs.readFileSync(path.join(folder, 'cert.pem')),
      });
      const server = await startServer(ok, tls);
      // A self-signed certificate is refused: the request did go over TLS, and verification is on.
      await expect(
        transport({ url: `https://127.0.0.1:${server.port}/json`, timeoutMs: 2_000, reuseConnection: true }),
      ).rejects.toMatchObject({ code: 'DEPTH_ZERO_SELF_SIGNED_CERT' });
      expect(server.connections()).toBe(1);
    } finally {
      fs.rmSync(folder, { recursive: true, force: true });
    }
  });
});
