import '@/test/integration/support/server-environment';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import * as credentialRoute from '@/app/api/accounts/[accountId]/credential/route';
import * as accountRoute from '@/app/api/accounts/[accountId]/route';
import * as accountsRoute from '@/app/api/accounts/route';
import * as auditExportRoute from '@/app/api/audit/export/route';
import type { RunningSandbox } from '@/lib/sendsms/sandbox/server';
import { routeRequest, sessionCookie, sessionWorld } from '@/test/integration/auth/session-world';
import { startTestSandbox, uniqueUsername } from '@/test/integration/sendsms/sandbox-fixture';

/**
 * Accounts through their routes against the sandbox, and the secrets rule: after the flow, no credential appears
 * in any response, log line or audit row, and the database holds it only encrypted. The client bundle check runs
 * on the production build when one exists (`npm start` / the e2e run make it).
 */

const { prisma, world } = await sessionWorld();
let sandbox: RunningSandbox;
const responses: string[] = [];
const logLines: string[] = [];

async function call(
  handler: (request: never, context: never) => Promise<Response>,
  url: string,
  init: { method: string; cookie: string; body?: unknown; params?: Record<string, string> },
) {
  const response = await handler(
    routeRequest(url, init) as never,
    { params: Promise.resolve(init.params ?? {}) } as never,
  );
  const text = await response.text();
  responses.push(text);
  return {
    status: response.status,
    json: text.startsWith('{') ? (JSON.parse(text) as Record<string, unknown>) : {},
    text,
  };
}

beforeAll(async () => {
  sandbox = await startTestSandbox();
  const write = process.stderr.write.bind(process.stderr);
  vi.spyOn(process.stderr, 'write').mockImplementation((chunk: string | Uint8Array, ...rest: unknown[]) => {
    logLines.push(String(chunk));
    return write(chunk as string, ...(rest as []));
  });
});
afterAll(async () => {
  vi.restoreAllMocks();
  await sandbox.stop();
});

describe('sendSMS accounts', () => {
  const username = uniqueUsername('acct');
  const firstCredential = 'first-Credential-4x9';
  const secondCredential = 'second-Credential-7q2';
  let accountId = '';

  it('adds an account only once sendSMS accepts the credential; the admin becomes its member', async () => {
    const cookie = await sessionCookie(world.users.admin);
    await sandbox.control.createAccount({ username, password: firstCredential, keys: [] });

    const refused = await call(accountsRoute.POST, '/api/accounts', {
      method: 'POST',
      cookie,
      body: { label: 'Shop', username, credential: 'wrong-one', credentialKind: 'PASSWORD', apiBaseUrl: sandbox.url },
    });
    expect(refused.status).toBe(422);
    expect(refused.json).toMatchObject({
      message: expect.stringContaining('sendSMS refused these credentials'),
      explanation: { en: expect.any(String), ro: expect.any(String) },
    });
    expect(await prisma.account.findFirst({ where: { username } })).toBeNull();

    const added = await call(accountsRoute.POST, '/api/accounts', {
      method: 'POST',
      cookie,
      body: {
        label: 'Shop',
        username,
        credential: firstCredential,
        credentialKind: 'PASSWORD',
        apiBaseUrl: sandbox.url,
      },
    });
    expect(added.status).toBe(201);
    const account = added.json.account as {
      id: string;
      balance: number;
      credentialHealth: { state: string; ageDays: number };
    };
    accountId = account.id;
    expect(account.balance).toEqual(expect.any(Number));
    expect(account.credentialHealth).toMatchObject({ state: 'ok', ageDays: 0 });
    expect(
      await prisma.membership.findUnique({ where: { userId_accountId: { userId: world.users.admin, accountId } } }),
    ).not.toBeNull();
  });

  it('rotates the credential in place', async () => {
    const cookie = await sessionCookie(world.users.admin);
    // The sandbox accepts the same secret as the account's API key; a credential it does not know is refused.
    const rotateTo = (credential: string) =>
      call(credentialRoute.PUT, `/api/accounts/${accountId}/credential`, {
        method: 'PUT',
        cookie,
        params: { accountId },
        body: { credential, credentialKind: 'API_KEY' },
      });
    const before = await prisma.account.findUniqueOrThrow({ where: { id: accountId } });
    const rotated = await rotateTo(firstCredential);
    expect(rotated.status).toBe(200);
    const after = await prisma.account.findUniqueOrThrow({ where: { id: accountId } });
    expect(after.id).toBe(before.id);
    expect(after.credentialKind).toBe('API_KEY');
    expect(after.credentialCiphertext).not.toBe(before.credentialCiphertext);

    const refused = await rotateTo(secondCredential);
    expect(refused.status).toBe(422);
    expect((await prisma.account.findUniqueOrThrow({ where: { id: accountId } })).credentialCiphertext).toBe(
      after.credentialCiphertext,
    );
  });

  it("records a support user's view of an account", async () => {
    const cookie = await sessionCookie(world.users.support);
    const viewed = await call(accountRoute.GET, `/api/accounts/${accountId}`, {
      method: 'GET',
      cookie,
      params: { accountId },
    });
    expect(viewed.status).toBe(200);
    expect(
      await prisma.auditEvent.count({ where: { actorId: world.users.support, accountId, action: 'account.view' } }),
    ).toBe(1);
  });

  it('lets no credential out: responses, logs, audit rows and CSV export, and stores it only encrypted', async () => {
    const cookie = await sessionCookie(world.users.support);
    await call(auditExportRoute.GET, '/api/audit/export', { method: 'GET', cookie });
    const secrets = [firstCredential, secondCredential, 'wrong-one', world.credentialA];
    const audit = JSON.stringify(await prisma.auditEvent.findMany(), (_, value: unknown) =>
      typeof value === 'bigint' ? value.toString() : value,
    );
    for (const secret of secrets) {
      for (const body of responses) expect(body).not.toContain(secret);
      for (const line of logLines) expect(line).not.toContain(secret);
      expect(audit).not.toContain(secret);
    }
    // This file's accounts only: other suites' fixtures share the database and may store placeholders.
    const accounts = await prisma.account.findMany({
      where: { id: { in: [accountId, world.accountA, world.accountB] } },
      select: { credentialCiphertext: true },
    });
    expect(accounts).toHaveLength(3);
    for (const account of accounts) {
      expect(account.credentialCiphertext).toMatch(/^v1\./);
      for (const secret of secrets) expect(account.credentialCiphertext).not.toContain(secret);
    }
  });
});
