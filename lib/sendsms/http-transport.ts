import 'server-only';
import http from 'node:http';
import https from 'node:https';
import { TransportTimeoutError, type Transport } from '@/lib/sendsms/transport';

/**
 * The client's default transport: node:http (node:https for the real API) on keep-alive agents, so that calls to
 * sendSMS (which supports Keep-Alive) reuse their connections. Chosen over fetch because fetch on Node 20 needs an
 * AbortController per call for a deadline, and inside Next.js it is Next's patched fetch with its caching layers in
 * front; together they cost more than the rest of the client's work per call (see `npm run bench:sendsms`).
 *
 * The deadline covers the whole call, connection included; when it passes the request is destroyed, which closes
 * its connection, so nothing arrives for it later. Reads share pooled connections; writes each get a connection of
 * their own (see TransportRequest.reuseConnection).
 */

const agents = {
  'http:': new http.Agent({ keepAlive: true }),
  'https:': new https.Agent({ keepAlive: true }),
};

export function httpTransport(): Transport {
  return ({ url, timeoutMs, reuseConnection }) =>
    new Promise((resolve, reject) => {
      const target = new URL(url);
      const protocol = target.protocol === 'https:' ? 'https:' : target.protocol === 'http:' ? 'http:' : null;
      if (!protocol) {
        reject(Object.assign(new Error(`unsupported protocol ${target.protocol}`), { code: 'ERR_INVALID_PROTOCOL' }));
        return;
      }
      const send = protocol === 'https:' ? https.request : http.request;
      const request = send(
        target,
        { method: 'GET', agent: reuseConnection ? agents[protocol] : false, headers: { accept: 'application/json' } },
        (response) => {
          const chunks: Buffer[] = [];
          response.on('data', (chunk: Buffer) => chunks.push(chunk));
          response.on('end', () => {
            clearTimeout(timer);
            resolve({ httpStatus: response.statusCode ?? 0, body: Buffer.concat(chunks).toString('utf8') });
          });
          response.on('error', fail);
        },
      );
      const timer = setTimeout(() => request.destroy(new TransportTimeoutError(timeoutMs)), timeoutMs);
      function fail(error: Error) {
        clearTimeout(timer);
        reject(error);
      }
      request.on('error', fail);
      request.end();
    });
}
