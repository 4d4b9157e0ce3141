// Preloaded into the Next.js server by `npm start` / `npm run dev` (NODE_OPTIONS=--require): before Next.js sees a
// request, it is stamped with the chain of addresses it came through, ending with the socket's own address.
// Next.js keeps a client's own X-Forwarded-For and never adds the socket's address to it, so without this stamp
// a route could not tell the socket's address from a value the client made up (lib/auth/source-ip.ts reads it,
// trusting TRUST_PROXY_HOPS proxies). Whatever a client sends under the same header name is overwritten here.
'use strict';

// eslint-disable-next-line @typescript-eslint/no-require-imports -- a CommonJS preload, run before any module loader
const http = require('node:http');

const CHAIN_HEADER = 'x-dashboard-forwarded-chain';
const emit = http.Server.prototype.emit;

http.Server.prototype.emit = function emitWithPeer(event, request, ...rest) {
  if (event === 'request' && request && request.headers) {
    const forwarded = request.headers['x-forwarded-for'];
    const socketAddress = (request.socket && request.socket.remoteAddress) || 'unknown';
    request.headers[CHAIN_HEADER] = [forwarded, socketAddress].filter(Boolean).join(', ');
  }
  return emit.call(this, event, request, ...rest);
};
