import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import type { PrismaClient } from '@/lib/generated/prisma/client';
import type { Faults } from '@/lib/sendsms/sandbox/faults';
import type { RunningSandbox } from '@/lib/sendsms/sandbox/server';
import {
  applyServerEnvironment,
  createWorld,
  type TestWorld,
  callRoute,
  pointAccountAtSandbox,
  type RouteHandler,
} from '@/test/integration/auth/session-world';
import { startTestSandbox, uniqueUsername } from '@/test/integration/sendsms/sandbox-fixture';
import { testPrisma } from '@/test/integration/support/database';

/**
 * sendSMS answers never become 500s. Next.js loads a page and a route handler as separate copies of the same
 * modules, while the sendSMS client is kept on globalThis: whichever copy made it throws its own error classes.
 * Here the client is made by one copy (the keys page's background refresh, or a first route call) and every
 * sandbox fault is driven through the real route handlers of another copy, with a real session cookie: refresh,
 * generate, authorize IP, the Request Builder and credential rotation. Each answer must be the designed status
 * (429 with Retry-After when throttled, 503 when sendSMS is busy or unreachable, 200 where the fault is a result to
 * show), and none a 500.
 */

type RouteModule = Record<string, RouteHandler>;

interface Routes {
  keys: RouteModule;
  ips: RouteModule;
  refresh: RouteModule;
  requests: RouteModule;
  credential: RouteModule;
  accounts: RouteModule;
}

const PASSWORD = 'fault-pass';
const budgetBefore = process.env.SENDSMS_BUDGET_PER_MINUTE;

let prisma: PrismaClient;
let sandbox: RunningSandbox;
let world: TestWorld;
let accountId: string;
let username: string;
/** A Default key the dashboard holds, for token_add_ip. */
let keyId: string;
let ipCounter = 0;
/** Every answer of the matrix, and every 500 of any call in this file. */
const tally = { matrix: 0, matrix500: 0, answers: 0, fiveHundreds: 0, byStatus: new Map<number, number>() };

/** Loads the route handlers as a copy of their own: nothing they import is shared with an earlier import. */
async function loadRoutes(): Promise<Routes> {
  vi.resetModules();
  return {
    keys: await import('@/app/api/accounts/[accountId]/keys/route'),
    ips: await import('@/app/api/accounts/[accountId]/keys/[keyId]/ips/route'),
    refresh: await import('@/app/api/accounts/[accountId]/keys/refresh/route'),
    requests: await import('@/app/api/accounts/[accountId]/requests/route'),
    credential: await import('@/app/api/accounts/[accountId]/credential/route'),
    accounts: await import('@/app/api/accounts/route'),
  } as unknown as Routes;
}

async function call(
  handler: RouteHandler | undefined,
  path: string,
  method: string,
  body: unknown,
  params: Record<string, string>,
) {
  const answer = await callRoute(handler, path, { method, userId: world.users.admin, body }, params);
  tally.answers += 1;
  if (answer.status === 500) tally.fiveHundreds += 1;
  return answer;
}

/** The five routes that meet sendSMS, each called once. */
function routeCalls(routes: Routes) {
  const base = `/api/accounts/${accountId}`;
  return {
    refresh: () => call(routes.refresh.POST, `${base}/keys/refresh`, 'POST', {}, { accountId }),
    generate: () =>
      call(
        routes.keys.POST,
        `${base}/keys`,
        'POST',
        { name: 'Fault key', kind: 'CLOUD', usageLabel: 'CLOUD' },
        { accountId },
      ),
    authorize: () =>
      call(
        routes.ips.POST,
        `${base}/keys/${keyId}/ips`,
        'POST',
        { ip: `198.51.100.${(ipCounter += 1)}` },
        { accountId, keyId },
      ),
    builder: () =>
      call(routes.requests.POST, `${base}/requests`, 'POST', { action: 'user_get_balance', params: {} }, { accountId }),
    rotate: () =>
      call(
        routes.credential.PUT,
        `${base}/credential`,
        'PUT',
        { credential: PASSWORD, credentialKind: 'PASSWORD' },
        { accountId },
      ),
  };
}

type RouteName = keyof ReturnType<typeof routeCalls>;

// What each route answers under each fault. Refresh keeps the last known state and reports the problem (200); the
// builder shows sendSMS's answer, or its absence, as the result (200); the writes and the credential check say
// "busy or unreachable, nothing changed" (503) or "throttled, wait" (429). token_add_ip's details are not read, so
// an unknown shape does not stop it.
const BUSY = { refresh: 200, generate: 503, authorize: 503, builder: 200, rotate: 503 } as const;
const THROTTLED = { refresh: 200, generate: 429, authorize: 429, builder: 200, rotate: 429 } as const;
// A write whose answer was lost or garbled may have happened at sendSMS: its 503 says "outcome unknown, checking".
const FAULTS: Array<{
  name: string;
  faults: Faults;
  expected: Record<RouteName, number>;
  outcomeUnknownForWrites?: boolean;
}> = [
  { name: 'slow (timeout)', faults: { slowMs: 1_200 }, expected: BUSY, outcomeUnknownForWrites: true },
  { name: '-16', faults: { status: -16 }, expected: BUSY },
  { name: '-4096', faults: { status: -4096 }, expected: THROTTLED },
  { name: '-8192', faults: { status: -8192 }, expected: THROTTLED },
  { name: 'non-JSON body', faults: { nonJson: true }, expected: BUSY, outcomeUnknownForWrites: true },
  {
    name: 'unknown details shape',
    faults: { unknownShape: true },
    expected: { ...BUSY, authorize: 200 },
    outcomeUnknownForWrites: true,
  },
  { name: 'reset connection', faults: { reset: true }, expected: BUSY, outcomeUnknownForWrites: true },
];

/** Flips the sandbox's fault switches over its HTTP control path, as another process would (README "The sandbox"). */
async function switchFaults(account: string, faults: Faults): Promise<void> {
  const response = await fetch(new URL('/__sandbox/faults', sandbox.url), {
    method: 'PUT',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ username: account, faults }),
  });
  expect(response.status).toBe(200);
}

async function driveEveryFault(routes: Routes): Promise<void> {
  const calls = routeCalls(routes);
  for (const fault of FAULTS) {
    await switchFaults(username, fault.faults);
    try {
      for (const route of Object.keys(calls) as RouteName[]) {
        const answer = await calls[route]();
        tally.matrix += 1;
        tally.byStatus.set(answer.status, (tally.byStatus.get(answer.status) ?? 0) + 1);
        if (answer.status === 500) tally.matrix500 += 1;
        // Soft: the whole matrix runs and the tally counts every cell, even when one is wrong.
        expect
          .soft({ fault: fault.name, route, status: answer.status, body: answer.body })
          .toMatchObject({ fault: fault.name, route, status: fault.expected[route] });
        if (answer.status === 429) expect.soft(Number(answer.retryAfter)).toBeGreaterThan(0);
        if (answer.status === 503 && fault.outcomeUnknownForWrites && (route === 'generate' || route === 'authorize')) {
          // The change may have reached sendSMS: never "failed", never to be retried blindly (lib/keys/outcome-unknown.ts).
          expect.soft(answer.body).toMatchObject({
            error: 'upstream-unavailable',
            outcome: 'unknown',
            retryable: false,
            message: expect.stringMatching(/outcome unknown, checking/),
          });
        } else if (answer.status === 503) {
          expect.soft(answer.body).toMatchObject({
            error: 'upstream-unavailable',
            retryable: true,
            message: expect.stringMatching(/changed nothing|Nothing was saved/),
          });
        }
        if (route === 'refresh')
          expect
            .soft(answer.body)
            .toMatchObject({ usage: 'failed', problems: [expect.objectContaining({ part: 'usage' })] });
        if (route === 'builder') expect.soft(answer.body).toMatchObject({ ok: false });
      }
    } finally {
      await switchFaults(username, {});
    }
  }
}

/** The usage collector as a server process runs it: its own module copy collects the account, which makes the client. */
async function collectorFirst(): Promise<void> {
  vi.resetModules();
  const { collectAccount } = await import('@/lib/collection/collect-account');
  const { serverKeyDeps } = await import('@/lib/keys/deps');
  // A key whose IP list was never fetched: the collection asks for it.
  await prisma.apiKey.create({
    data: {
      accountId,
      name: 'Seen by the collector',
      kind: 'DEFAULT',
      usageLabel: 'DEFAULT',
      fragment: '…page',
      secretFingerprint: 'page-first',
      origin: 'LISTED',
    },
  });
  await collectAccount(serverKeyDeps(), accountId, 'collector-first');
}

const clientsOnGlobal = () => (globalThis as unknown as { sendsmsClients?: Map<string, unknown> }).sendsmsClients;

beforeAll(async () => {
  applyServerEnvironment();
  // The faults are driven many times on one account: the budget is not what is tested here (see the 429 test below).
  process.env.SENDSMS_BUDGET_PER_MINUTE = '10000';
  prisma = testPrisma();
  sandbox = await startTestSandbox({ schema: 'sandbox_errors', seed: false, budget: null });
  world = await createWorld(prisma);
  accountId = world.accountA;
  username = await pointAccountAtSandbox(prisma, sandbox, accountId, PASSWORD);
});

afterAll(async () => {
  console.log(
    `faults × routes: ${tally.matrix} answers (${FAULTS.length} faults × 5 routes × 2 module-copy orders), ${tally.matrix500} × 500 (${[
      ...tally.byStatus,
    ]
      .sort(([a], [b]) => a - b)
      .map(([status, count]) => `${status}×${count}`)
      .join(', ')}); all calls in this file: ${tally.answers} answers, ${tally.fiveHundreds} × 500`,
  );
  if (budgetBefore === undefined) delete process.env.SENDSMS_BUDGET_PER_MINUTE;
  else process.env.SENDSMS_BUDGET_PER_MINUTE = budgetBefore;
  await sandbox?.stop();
  await prisma?.$disconnect();
});

describe('sendSMS answers never become 500s', () => {
  it('when the usage collector made the client, in another module copy than the routes', async () => {
    delete (globalThis as unknown as { sendsmsClients?: unknown }).sendsmsClients;
    await collectorFirst();
    expect(clientsOnGlobal()?.size).toBe(1);
    const routes = await loadRoutes();
    const generated = await call(
      routes.keys.POST,
      `/api/accounts/${accountId}/keys`,
      'POST',
      { name: 'Held default', kind: 'DEFAULT', usageLabel: 'DEFAULT' },
      { accountId },
    );
    expect(generated.status).toBe(201);
    keyId = (generated.body.key as { id: string }).id;
    await driveEveryFault(routes);
  }, 90_000);

  it('when a route made the client, and another copy of the routes (or a page) meets its errors', async () => {
    delete (globalThis as unknown as { sendsmsClients?: unknown }).sendsmsClients;
    const first = await loadRoutes();
    expect((await routeCalls(first).builder()).status).toBe(200);
    expect(clientsOnGlobal()?.size).toBe(1);
    await driveEveryFault(await loadRoutes());
  }, 90_000);

  it('answers the other known conditions with their own status: -8 on rotation 422, -512 as success, the Default-key trap 409', async () => {
    const routes = await loadRoutes();
    const base = `/api/accounts/${accountId}`;
    const wrong = await call(
      routes.credential.PUT,
      `${base}/credential`,
      'PUT',
      { credential: 'not-the-password', credentialKind: 'PASSWORD' },
      { accountId },
    );
    expect(wrong).toMatchObject({
      status: 422,
      body: {
        error: 'credentials-refused',
        upstreamStatus: -8,
        message: expect.stringContaining('refused these credentials'),
      },
    });

    // Adding an account checks the credential the same way: a busy sendSMS is not a refusal, and nothing is saved.
    const newcomer = uniqueUsername('newcomer');
    await sandbox.control.createAccount({ username: newcomer, password: PASSWORD });
    const addAccount = (credential: string) =>
      call(
        routes.accounts.POST,
        '/api/accounts',
        'POST',
        { label: 'Newcomer', username: newcomer, credential, credentialKind: 'PASSWORD', apiBaseUrl: sandbox.url },
        {},
      );
    await switchFaults(newcomer, { status: -16 });
    expect(await addAccount(PASSWORD)).toMatchObject({
      status: 503,
      body: {
        error: 'upstream-unavailable',
        upstreamStatus: -16,
        message: expect.stringContaining('Nothing was saved'),
      },
    });
    await switchFaults(newcomer, {});
    expect(await prisma.account.count({ where: { username: newcomer } })).toBe(0);
    expect(await addAccount('not-the-password')).toMatchObject({ status: 422, body: { error: 'credentials-refused' } });
    expect((await addAccount(PASSWORD)).status).toBe(201);

    const ip = '198.51.100.250';
    expect(
      (await call(routes.ips.POST, `${base}/keys/${keyId}/ips`, 'POST', { ip }, { accountId, keyId })).status,
    ).toBe(200);
    const again = await call(routes.ips.POST, `${base}/keys/${keyId}/ips`, 'POST', { ip }, { accountId, keyId });
    expect(again).toMatchObject({ status: 200, body: { alreadyListed: true } });
    const viaBuilder = await call(
      routes.requests.POST,
      `${base}/requests`,
      'POST',
      { action: 'token_add_ip', keyId, params: { ipaddr: ip } },
      { accountId },
    );
    expect(viaBuilder).toMatchObject({ status: 200, body: { status: -512, lockedIps: expect.any(Array) } });

    const fresh = await call(
      routes.keys.POST,
      `${base}/keys`,
      'POST',
      { name: 'Never used', kind: 'DEFAULT', usageLabel: 'DEFAULT' },
      { accountId },
    );
    const freshId = (fresh.body.key as { id: string }).id;
    const trap = await call(
      routes.requests.POST,
      `${base}/requests`,
      'POST',
      { action: 'token_list_ips', keyId: freshId, sendAs: 'key', params: {} },
      { accountId },
    );
    expect(trap).toMatchObject({ status: 409, body: { error: 'confirmation-required' } });
    const trapAddIp = await call(
      routes.requests.POST,
      `${base}/requests`,
      'POST',
      { action: 'token_add_ip', keyId: freshId, sendAs: 'key', params: { ipaddr: '198.51.100.251' } },
      { accountId },
    );
    expect(trapAddIp).toMatchObject({ status: 409, body: { error: 'confirmation-required' } });
  });

  it('answers a spent budget with 429 and Retry-After on every route that would spend it', async () => {
    process.env.SENDSMS_BUDGET_PER_MINUTE = '1';
    delete (globalThis as unknown as { sendsmsClients?: unknown }).sendsmsClients;
    try {
      const calls = routeCalls(await loadRoutes());
      for (const route of ['generate', 'authorize', 'builder', 'rotate'] as const) {
        const answer = await calls[route]();
        expect({ route, status: answer.status }).toEqual({ route, status: 429 });
        expect(Number(answer.retryAfter)).toBeGreaterThan(0);
        expect(answer.body).toMatchObject({ error: 'rate-limited', retryable: true, retryAfterMs: expect.any(Number) });
      }
      const refresh = await calls.refresh();
      expect(refresh).toMatchObject({ status: 200, body: { usage: 'failed' } });
    } finally {
      process.env.SENDSMS_BUDGET_PER_MINUTE = '10000';
      delete (globalThis as unknown as { sendsmsClients?: unknown }).sendsmsClients;
    }
  });
});
