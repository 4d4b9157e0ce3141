import '@/test/integration/support/server-environment';
import { describe, expect, it } from 'vitest';
import * as auditRoute from '@/app/api/audit/route';
import * as keyRoute from '@/app/api/accounts/[accountId]/keys/[keyId]/route';
import * as refreshRoute from '@/app/api/accounts/[accountId]/keys/refresh/route';
import * as accountsRoute from '@/app/api/accounts/route';
import * as userRoute from '@/app/api/users/[userId]/route';
import * as usersRoute from '@/app/api/users/route';
import * as policyRoute from '@/app/api/users/two-factor-policy/route';
import { routeRequest, sessionCookie, sessionWorld } from './session-world';

/**
 * Tenants stay apart (issue 10): an account admin's reach ends at their accounts and the users of those accounts.
 * Each case is one of the ways across that a probe found; each fails if it comes back.
 */

type Handler = (request: never, context: never) => Promise<Response>;

const { prisma, world } = await sessionWorld();

async function call(
  handler: Handler,
  url: string,
  init: { method: string; userId: string; body?: unknown; params?: Record<string, string> },
) {
  const response = await handler(
    routeRequest(url, { method: init.method, cookie: await sessionCookie(init.userId), body: init.body }) as never,
    { params: Promise.resolve(init.params ?? {}) } as never,
  );
  const text = await response.text();
  return {
    status: response.status,
    text,
    json: (text.startsWith('{') ? JSON.parse(text) : {}) as Record<string, unknown>,
  };
}

const newKey = (accountId: string, name: string) =>
  prisma.apiKey.create({
    data: {
      accountId,
      name,
      kind: 'CLOUD',
      usageLabel: 'CLOUD',
      fragment: 'abcd',
      secretFingerprint: `fp-${name}-${Math.random()}`,
      origin: 'IMPORTED',
    },
  });

describe('an account admin', () => {
  it('cannot create support staff or an installation admin, nor a user outside their accounts', async () => {
    for (const role of ['SUPPORT', 'INSTALLATION_ADMIN']) {
      const email = `made-${role.toLowerCase()}-${Date.now()}@example.test`;
      const answer = await call(usersRoute.POST, '/api/users', {
        method: 'POST',
        userId: world.users.admin,
        body: { name: 'Made', email, role, accountIds: [world.accountA] },
      });
      expect(answer.status, answer.text).toBe(403);
      expect(await prisma.user.findUnique({ where: { email } })).toBeNull();
    }
    const orphan = await call(usersRoute.POST, '/api/users', {
      method: 'POST',
      userId: world.users.admin,
      body: { name: 'Orphan', email: `orphan-${Date.now()}@example.test`, role: 'LEAD', accountIds: [] },
    });
    expect(orphan.status).toBe(422);
  });

  it('cannot turn one of their own users into support staff', async () => {
    const answer = await call(userRoute.PATCH, `/api/users/${world.userInA}`, {
      method: 'PATCH',
      userId: world.users.admin,
      params: { userId: world.userInA },
      body: { role: 'SUPPORT' },
    });
    expect(answer.status).toBe(403);
    expect((await prisma.user.findUniqueOrThrow({ where: { id: world.userInA } })).role).toBe('LEAD');
  });

  it('neither lists nor edits users with no membership, nor the installation admin', async () => {
    const listed = await call(usersRoute.GET, '/api/users', { method: 'GET', userId: world.users.admin });
    expect(listed.status).toBe(200);
    const ids = (listed.json.users as Array<{ id: string }>).map((user) => user.id);
    expect(ids).toContain(world.userInA);
    expect(ids).not.toContain(world.users.support);
    expect(ids).not.toContain(world.users.installAdmin);
    expect(ids).not.toContain(world.users.otherAdmin);
    for (const target of [world.users.support, world.users.installAdmin, world.users.otherAdmin]) {
      const answer = await call(userRoute.PATCH, `/api/users/${target}`, {
        method: 'PATCH',
        userId: world.users.admin,
        params: { userId: target },
        body: { disabled: true },
      });
      expect(answer.status).toBe(403);
      expect((await prisma.user.findUniqueOrThrow({ where: { id: target } })).disabledAt).toBeNull();
    }
  });

  it('cannot switch the installation-wide 2FA setting; the installation admin can', async () => {
    const switchOff = (userId: string) =>
      call(policyRoute.PUT, '/api/users/two-factor-policy', {
        method: 'PUT',
        userId,
        body: { requireAdminTwoFactor: false },
      });
    expect((await switchOff(world.users.admin)).status).toBe(403);
    expect((await switchOff(world.users.installAdmin)).status).toBe(200);
  });

  it("reads no row of another tenant's audit log", async () => {
    await prisma.auditEvent.createMany({
      data: [
        {
          actorId: world.users.otherAdmin,
          actorEmail: 'b@example.test',
          actorRole: 'ADMIN',
          accountId: null,
          action: 'user.create',
          params: { email: 'tenant-b-secret@example.test' },
          outcome: 'success',
        },
        {
          actorId: world.users.otherAdmin,
          actorEmail: 'b@example.test',
          actorRole: 'ADMIN',
          accountId: world.accountB,
          action: 'key.generate',
          params: { name: 'tenant-b-key' },
          outcome: 'success',
        },
        {
          actorId: null,
          actorEmail: 'stranger@example.test',
          actorRole: null,
          accountId: null,
          action: 'auth.sign_in',
          params: { method: 'password' },
          outcome: 'failure',
        },
        {
          actorId: world.users.lead,
          actorEmail: 'lead-a@example.test',
          actorRole: 'LEAD',
          accountId: null,
          action: 'auth.sign_in',
          params: { method: 'password', note: 'tenant-a-sign-in' },
          outcome: 'success',
        },
      ],
    });
    const answer = await call(auditRoute.GET, '/api/audit', { method: 'GET', userId: world.users.admin });
    expect(answer.status).toBe(200);
    expect(answer.text).not.toContain('tenant-b-secret');
    expect(answer.text).not.toContain('tenant-b-key');
    expect(answer.text).not.toContain('stranger@example.test');
    // Their own tenant's account-less events are theirs to read.
    expect(answer.text).toContain('tenant-a-sign-in');
    const support = await call(auditRoute.GET, '/api/audit', { method: 'GET', userId: world.users.support });
    expect(support.text).toContain('tenant-b-key');
  });

  it('does not learn that another tenant manages a sendSMS username', async () => {
    const accountB = await prisma.account.findUniqueOrThrow({ where: { id: world.accountB } });
    const answer = await call(accountsRoute.POST, '/api/accounts', {
      method: 'POST',
      userId: world.users.admin,
      body: {
        label: 'Mine',
        username: accountB.username,
        credential: 'guess',
        credentialKind: 'API_KEY',
        apiBaseUrl: accountB.apiBaseUrl,
      },
    });
    expect(answer.status).not.toBe(201);
    expect(answer.text).not.toMatch(/already on the dashboard/i);
    // Its own admin is told plainly.
    const own = await call(accountsRoute.POST, '/api/accounts', {
      method: 'POST',
      userId: world.users.otherAdmin,
      body: {
        label: 'Again',
        username: accountB.username,
        credential: 'guess',
        credentialKind: 'API_KEY',
        apiBaseUrl: accountB.apiBaseUrl,
      },
    });
    expect(own.status).toBe(409);
    expect(own.text).toMatch(/already on the dashboard/i);
  });
});

describe('ids in a body', () => {
  it("are checked against the account in the URL: another account's key is not found, and its trail is not written", async () => {
    const keyOfB = await newKey(world.accountB, 'b-key');
    const before = await prisma.auditEvent.count({ where: { keyId: keyOfB.id } });
    const answer = await call(refreshRoute.POST, `/api/accounts/${world.accountA}/keys/refresh`, {
      method: 'POST',
      userId: world.users.lead,
      params: { accountId: world.accountA },
      body: { keyId: keyOfB.id },
    });
    expect(answer.status).toBe(404);
    expect(await prisma.auditEvent.count({ where: { keyId: keyOfB.id } })).toBe(before);
  });

  it("show a key's trail only with rows of its own account", async () => {
    const keyOfA = await newKey(world.accountA, 'a-key');
    await prisma.auditEvent.create({
      data: {
        actorId: world.users.otherAdmin,
        accountId: world.accountB,
        keyId: keyOfA.id,
        action: 'keys.refresh',
        params: { note: 'planted-from-b' },
        outcome: 'success',
      },
    });
    const answer = await call(keyRoute.GET, `/api/accounts/${world.accountA}/keys/${keyOfA.id}`, {
      method: 'GET',
      userId: world.users.admin,
      params: { accountId: world.accountA, keyId: keyOfA.id },
    });
    expect(answer.status, answer.text).toBe(200);
    expect(answer.text).not.toContain('planted-from-b');
  });
});
