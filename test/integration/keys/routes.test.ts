import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { PrismaClient } from '@/lib/generated/prisma/client';
import type { RunningSandbox } from '@/lib/sendsms/sandbox/server';
import {
  applyServerEnvironment,
  createWorld,
  type TestWorld,
  callRoute,
  pointAccountAtSandbox,
  routeRequest,
  sessionCookie,
  type RouteHandler,
} from '@/test/integration/auth/session-world';
import { startTestSandbox, wire } from '@/test/integration/sendsms/sandbox-fixture';
import { testPrisma } from '@/test/integration/support/database';
import { defaultKey, cloudKey } from '@/test/integration/keys/keys-fixture';

/**
 * The keys route handlers as the server runs them (withPermission, a real session cookie, the server's own
 * sendSMS client against a sandbox): the precise status of each answer, and the JSON the pages read.
 */

let prisma: PrismaClient;
let sandbox: RunningSandbox;
let world: TestWorld;
let accountId: string;
let username: string;
let routes: {
  keys: Record<string, RouteHandler>;
  key: Record<string, RouteHandler>;
  ips: Record<string, RouteHandler>;
  refresh: Record<string, RouteHandler>;
};

beforeAll(async () => {
  applyServerEnvironment();
  prisma = testPrisma();
  sandbox = await startTestSandbox({ schema: 'sandbox_keys', seed: false });
  world = await createWorld(prisma);
  accountId = world.accountA;
  username = await pointAccountAtSandbox(prisma, sandbox, accountId, 'route-pass');
  routes = {
    keys: await import('@/app/api/accounts/[accountId]/keys/route'),
    key: await import('@/app/api/accounts/[accountId]/keys/[keyId]/route'),
    ips: await import('@/app/api/accounts/[accountId]/keys/[keyId]/ips/route'),
    refresh: await import('@/app/api/accounts/[accountId]/keys/refresh/route'),
  } as unknown as typeof routes;
});
afterAll(async () => {
  await sandbox?.stop();
  await prisma?.$disconnect();
});

async function call(
  handler: RouteHandler | undefined,
  path: string,
  { user, ...init }: { method: string; user: keyof TestWorld['users']; body?: unknown },
  params: Record<string, string>,
) {
  const { status, body } = await callRoute(handler, path, { ...init, userId: world.users[user] }, params);
  return { status, body };
}

describe('the keys routes', () => {
  it('generate (201, the secret once), list (200), rename (200), authorize (200), delete (200), each as the contract says', async () => {
    const base = `/api/accounts/${accountId}/keys`;
    const generated = await call(
      routes.keys.POST,
      base,
      { method: 'POST', user: 'admin', body: defaultKey('Route key') },
      { accountId },
    );
    expect(generated.status).toBe(201);
    const secret = generated.body.secret as string;
    const keyId = (generated.body.key as { id: string }).id;
    expect(secret).toMatch(/^[0-9a-f]{32}$/);

    const listed = await call(
      routes.keys.GET,
      `${base}?q=route&sort=name&dir=asc`,
      { method: 'GET', user: 'lead' },
      { accountId },
    );
    expect(listed.status).toBe(200);
    expect(listed.body).toMatchObject({
      total: 1,
      rows: [expect.objectContaining({ id: keyId, name: 'Route key', secretHeld: true })],
    });
    expect(JSON.stringify(listed.body)).not.toContain(secret);

    const renamed = await call(
      routes.key.PATCH,
      `${base}/${keyId}`,
      { method: 'PATCH', user: 'admin', body: { name: 'Renamed' } },
      { accountId, keyId },
    );
    expect(renamed).toMatchObject({
      status: 200,
      body: { name: 'Renamed', upstreamName: 'Route key', upstreamKnowsName: true },
    });

    const authorized = await call(
      routes.ips.POST,
      `${base}/${keyId}/ips`,
      { method: 'POST', user: 'admin', body: { ip: '198.51.100.20' } },
      { accountId, keyId },
    );
    expect(authorized).toMatchObject({
      status: 200,
      body: { lockedIps: [expect.objectContaining({ address: '198.51.100.20', reason: 'WHITELISTED' })] },
    });
    expect(
      (await wire(sandbox, { action: 'user_get_balance', username, password: secret }, '198.51.100.20')).status,
    ).toBe(0);

    const refreshed = await call(
      routes.refresh.POST,
      `${base}/refresh`,
      { method: 'POST', user: 'support', body: { keyId } },
      { accountId },
    );
    expect(refreshed).toMatchObject({ status: 200, body: { usage: 'fetched', ipsFetched: 1 } });
    const detail = await call(
      routes.key.GET,
      `${base}/${keyId}`,
      { method: 'GET', user: 'support' },
      { accountId, keyId },
    );
    expect(detail).toMatchObject({
      status: 200,
      body: { key: expect.objectContaining({ useCount: 1 }), inUse: expect.objectContaining({ useCount: 1 }) },
    });

    const wrongName = await call(
      routes.key.DELETE,
      `${base}/${keyId}`,
      { method: 'DELETE', user: 'admin', body: { confirmName: 'renamed' } },
      { accountId, keyId },
    );
    expect(wrongName).toMatchObject({ status: 422, body: { error: 'invalid', field: 'confirmName' } });
    const deleted = await call(
      routes.key.DELETE,
      `${base}/${keyId}`,
      { method: 'DELETE', user: 'admin', body: { confirmName: 'Renamed' } },
      { accountId, keyId },
    );
    expect(deleted).toMatchObject({ status: 200, body: { revokedUpstream: true } });
    expect(
      (await call(routes.key.GET, `${base}/${keyId}`, { method: 'GET', user: 'admin' }, { accountId, keyId })).status,
    ).toBe(404);
  });

  it('answers 422 for a bad query, body or a Cloud key IP, 403 to roles that may not, and 503 when sendSMS is down', async () => {
    const base = `/api/accounts/${accountId}/keys`;
    expect(
      (await call(routes.keys.GET, `${base}?sort=secret`, { method: 'GET', user: 'admin' }, { accountId })).status,
    ).toBe(422);
    expect(
      (await call(routes.keys.POST, base, { method: 'POST', user: 'admin', body: defaultKey('') }, { accountId }))
        .status,
    ).toBe(422);
    expect(
      (await call(routes.keys.POST, base, { method: 'POST', user: 'lead', body: defaultKey('x') }, { accountId }))
        .status,
    ).toBe(403);
    const cloud = await call(
      routes.keys.POST,
      base,
      { method: 'POST', user: 'admin', body: cloudKey('Cloud') },
      { accountId },
    );
    const cloudId = (cloud.body.key as { id: string }).id;
    // A Cloud key takes no IP, and no key takes what is not an address.
    for (const ip of ['192.0.2.1', 'not-an-ip']) {
      expect(
        (
          await call(
            routes.ips.POST,
            `${base}/${cloudId}/ips`,
            { method: 'POST', user: 'admin', body: { ip } },
            { accountId, keyId: cloudId },
          )
        ).status,
      ).toBe(422);
    }

    await sandbox.control.setFaults(username, { httpStatus: 503 });
    const down = await call(
      routes.keys.POST,
      base,
      { method: 'POST', user: 'admin', body: defaultKey('Down') },
      { accountId },
    );
    expect(down).toMatchObject({
      status: 503,
      body: { error: 'upstream-unavailable', retryable: true, message: expect.stringContaining('HTTP error') },
    });
    // A 502 may come after sendSMS acted (its server died mid-answer): the change is not "failed" but unknown, and checked.
    await sandbox.control.setFaults(username, { httpStatus: 502 });
    const lost = await call(
      routes.keys.POST,
      base,
      { method: 'POST', user: 'admin', body: defaultKey('Lost') },
      { accountId },
    );
    expect(lost).toMatchObject({
      status: 503,
      body: {
        error: 'upstream-unavailable',
        outcome: 'unknown',
        retryable: false,
        message: expect.stringContaining('outcome unknown, checking'),
      },
    });
    const list = await call(routes.keys.GET, base, { method: 'GET', user: 'lead' }, { accountId });
    expect(list.status).toBe(200);
    await sandbox.control.setFaults(username, {});
  });

  it('refuses to rename a key to a blank name, or one with a NUL, with a sentence for the dialog, and changes nothing', async () => {
    const base = `/api/accounts/${accountId}/keys`;
    const generated = await call(
      routes.keys.POST,
      base,
      { method: 'POST', user: 'admin', body: cloudKey('Kept name') },
      { accountId },
    );
    const keyId = (generated.body.key as { id: string }).id;
    const rename = (name: string) =>
      call(
        routes.key.PATCH,
        `${base}/${keyId}`,
        { method: 'PATCH', user: 'admin', body: { name } },
        { accountId, keyId },
      );

    for (const name of ['', '   ', '\t \u00a0']) {
      expect(await rename(name)).toMatchObject({
        status: 422,
        body: { error: 'invalid', field: 'name', message: expect.stringMatching(/^(Give the key a name|Use letters)/) },
      });
    }
    expect(await rename('   ')).toMatchObject({ body: { message: 'Give the key a name' } });
    expect(await rename('Shop\u0000key')).toMatchObject({
      status: 422,
      body: {
        error: 'invalid',
        field: 'name',
        message: 'A name cannot contain a NUL character (\\0): type it rather than pasting it',
        issues: [
          { path: 'name', message: 'A name cannot contain a NUL character (\\0): type it rather than pasting it' },
        ],
      },
    });
    expect(await prisma.apiKey.findUniqueOrThrow({ where: { id: keyId }, select: { name: true } })).toEqual({
      name: 'Kept name',
    });
    expect(await prisma.auditEvent.count({ where: { keyId, action: 'key.rename' } })).toBe(0);
  });

  it('refresh says how far it has gone, line by line, to a caller that asks; another tenant is refused before any line', async () => {
    // Account B, on a sendSMS account of its own: the calls above have spent account A's budget for this minute.
    const other = world.accountB;
    await pointAccountAtSandbox(prisma, sandbox, other, 'route-pass-b');
    const generated = await call(
      routes.keys.POST,
      `/api/accounts/${other}/keys`,
      { method: 'POST', user: 'otherAdmin', body: cloudKey('Progress') },
      { accountId: other },
    );
    const keyId = (generated.body.key as { id: string }).id;
    const ask = async (user: keyof TestWorld['users'], account: string) =>
      routes.refresh.POST!(
        routeRequest(`/api/accounts/${account}/keys/refresh`, {
          method: 'POST',
          cookie: await sessionCookie(world.users[user]),
          body: { keyId },
          headers: { accept: 'application/x-ndjson, application/json' },
        }),
        { params: Promise.resolve({ accountId: account }) },
      ) as Promise<Response>;

    const streamed = await ask('otherAdmin', other);
    expect(streamed.status).toBe(200);
    expect(streamed.headers.get('content-type')).toContain('application/x-ndjson');
    const lines = (await streamed.text())
      .trim()
      .split('\n')
      .map((line) => JSON.parse(line) as { type: string; progress?: unknown; result?: unknown });
    expect(lines[0]).toEqual({ type: 'progress', progress: { step: 'usage', done: 0, total: 1 } });
    expect(lines.slice(1)).toEqual([
      { type: 'progress', progress: { step: 'ips', done: 0, total: 1 } },
      { type: 'progress', progress: { step: 'ips', done: 1, total: 1 } },
      { type: 'result', result: expect.objectContaining({ usage: 'fetched', ipsFetched: 1, problems: [] }) },
    ]);

    // Not a member of account B: the plain 403, before anything is asked of sendSMS.
    const refused = await ask('admin', other);
    expect(refused.status).toBe(403);
    expect(refused.headers.get('content-type')).toContain('application/json');
    expect(await refused.json()).toMatchObject({ error: 'forbidden' });
  });
});
