import http from 'node:http';
import type { AddressInfo } from 'node:net';
import pg from 'pg';
import type { Logger } from '@/lib/log';
import { SENDSMS_BUDGET, type BudgetLimits } from '@/lib/config';
import { callerIp } from '@/lib/sendsms/sandbox/client-ip';
import { createSandboxControl, handleControlRequest, type SandboxControl } from '@/lib/sendsms/sandbox/control';
import { createProtocol, type Outcome } from '@/lib/sendsms/sandbox/protocol';
import { createRateLimiter } from '@/lib/sendsms/sandbox/rate-limit';
import { ensureSandboxSchema } from '@/lib/sendsms/sandbox/schema';
import { seedSandbox } from '@/lib/sendsms/sandbox/seed';
import { createSandboxStore } from '@/lib/sendsms/sandbox/store';

/**
 * The stand-in for sendSMS: a node:http server speaking its wire protocol on /json, with state in Postgres. It
 * listens on loopback unless told otherwise; its control endpoints (/__sandbox/…) exist only on loopback, since
 * they let anyone reaching them create accounts and break things on purpose.
 */

export interface SandboxOptions {
  databaseUrl: string;
  /** Default 127.0.0.1. */
  host?: string;
  /** 0 picks a free port. */
  port: number;
  log: Logger;
  /** Postgres schema for the sandbox's tables. Default `sandbox`. */
  schema?: string;
  /** The non-billable budget per account; null turns it off (benchmarks). Default 10 per minute. */
  budget?: BudgetLimits | null;
  /** Seed the demo accounts and keys (default true). */
  seed?: boolean;
  poolSize?: number;
}

export interface RunningSandbox {
  /** The endpoint to give the client, e.g. http://127.0.0.1:4010/json. */
  url: string;
  port: number;
  control: SandboxControl;
  stop(): Promise<void>;
}

const LOOPBACK = new Set(['127.0.0.1', '::1', 'localhost']);

const HTML_ERROR_PAGE = (status: number) =>
  `<!DOCTYPE html><html><head><title>${status} Error</title></head><body><h1>Service unavailable</h1><p>The server could not answer your request.</p></body></html>`;

export async function startSandbox(options: SandboxOptions): Promise<RunningSandbox> {
  const host = options.host ?? '127.0.0.1';
  const schema = options.schema ?? 'sandbox';
  const { log } = options;
  // Losing the last few milliseconds of use counts in a crash is fine for a stand-in; waiting on every fsync is not.
  const pool = new pg.Pool({
    connectionString: options.databaseUrl,
    max: options.poolSize ?? 8,
    options: '-c synchronous_commit=off',
  });
  pool.on('error', (error) => log.warn(`sandbox database connection failed: ${error.message}`));

  try {
    await ensureSandboxSchema(pool, schema);
    const store = createSandboxStore(pool, schema);
    if (options.seed !== false) {
      const seeded = await seedSandbox(store);
      if (seeded.accountsCreated + seeded.keysCreated > 0)
        log.info(`sandbox demo data: ${seeded.accountsCreated} accounts, ${seeded.keysCreated} keys created`);
    }
    const control = createSandboxControl(store);
    const controlEnabled = LOOPBACK.has(host);
    let publicUrl = '';
    const protocol = createProtocol({
      store,
      limiter: createRateLimiter(options.budget === undefined ? SENDSMS_BUDGET : options.budget),
      publicUrl: () => publicUrl,
    });

    const server = http.createServer((request, response) => {
      void serve(request, response).catch((error: unknown) => {
        log.error('sandbox request failed', error);
        if (!response.headersSent)
          respond(
            response,
            { type: 'json', envelope: { status: -16, message: 'Internal error', details: null }, delayMs: 0 },
            request,
          );
      });
    });
    server.keepAliveTimeout = 30_000;

    async function serve(request: http.IncomingMessage, response: http.ServerResponse): Promise<void> {
      const url = new URL(request.url ?? '/', 'http://sandbox');
      const path = url.pathname.replace(/\/+$/, '') || '/';
      if (path === '/json') {
        const outcome = await protocol.answer(url.searchParams, callerIp(request));
        log.debug(
          `${callerIp(request)} ${url.searchParams.get('action') ?? '-'} → ${outcome.type === 'json' ? outcome.envelope.status : outcome.type}`,
        );
        if (outcome.delayMs > 0) await new Promise((resolve) => setTimeout(resolve, outcome.delayMs));
        respond(response, outcome, request);
        return;
      }
      if (path === '/authorize' && request.method === 'GET') {
        response.writeHead(200, { 'content-type': 'text/html; charset=utf-8' });
        response.end(AUTHORIZE_PAGE);
        return;
      }
      if (
        controlEnabled &&
        path.startsWith('/__sandbox/') &&
        (await handleControlRequest(control, request, response, path))
      )
        return;
      response.writeHead(404, { 'content-type': 'text/plain' });
      response.end('Not found: the sendSMS sandbox answers on /json\n');
    }

    await new Promise<void>((resolve, reject) => {
      server.once('error', (error: NodeJS.ErrnoException) =>
        reject(
          new Error(
            error.code === 'EADDRINUSE'
              ? `port ${options.port} on ${host} is taken, so the sendSMS sandbox cannot listen there; stop what uses it or set SANDBOX_PORT to a free port`
              : `the sendSMS sandbox cannot listen on ${host}:${options.port} (${error.code ?? error.message})`,
          ),
        ),
      );
      server.listen(options.port, host, () => resolve());
    });
    const port = (server.address() as AddressInfo).port;
    const origin = `http://${host.includes(':') ? `[${host}]` : host}:${port}`;
    publicUrl = origin;

    let stopped = false;
    return {
      url: `${origin}/json`,
      port,
      control,
      async stop() {
        if (stopped) return;
        stopped = true;
        await new Promise<void>((resolve) => {
          server.close(() => resolve());
          server.closeAllConnections();
        });
        await pool.end();
      },
    };
  } catch (error) {
    await pool.end().catch(() => undefined);
    throw error;
  }
}

function respond(response: http.ServerResponse, outcome: Outcome, request: http.IncomingMessage): void {
  if (outcome.type === 'reset') {
    request.socket.resetAndDestroy();
    return;
  }
  if (outcome.type === 'html') {
    response.writeHead(outcome.httpStatus, { 'content-type': 'text/html; charset=utf-8' });
    response.end(HTML_ERROR_PAGE(outcome.httpStatus));
    return;
  }
  // sendSMS serves its JSON as text/html at times: the sandbox always does, so clients that trust the header fail here first.
  const body = JSON.stringify(outcome.envelope);
  response.writeHead(200, { 'content-type': 'text/html; charset=utf-8', 'content-length': Buffer.byteLength(body) });
  response.end(body);
}

/**
 * Where user_authorize_application's authorize_url leads. On the hub the account owner signs in there and allows
 * the application; the sandbox has no sign-in, so the page says how the same step is done here. It does not echo
 * the request key: that is a secret until the key is fetched.
 */
const AUTHORIZE_PAGE = `<!doctype html>
<html lang="en"><head><meta charset="utf-8"><title>sendSMS sandbox: authorize an application</title></head>
<body style="font-family: system-ui, sans-serif; max-width: 40rem; margin: 3rem auto; line-height: 1.5">
<h1>Authorize an application</h1>
<p>This is the sendSMS <strong>sandbox</strong>, a stand-in for the real API. On the hub, the account owner would sign in
here and allow the application that asked for an API key.</p>
<p>In the sandbox the account allows it with the API request <code>user_allow_token_request</code> (with the account's
username, password and this <code>request_key</code>); the dashboard does that for you when it generates a key this way.
The application then fetches its key once with <code>user_get_api_key</code>.</p>
</body></html>
`;
