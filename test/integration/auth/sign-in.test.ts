import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { PrismaClient } from '@/lib/generated/prisma/client';
import { testPrisma } from '@/test/integration/support/database';
import {
  applyServerEnvironment,
  createWorld,
  routeRequest,
  sessionCookie,
  TEST_KEY_HEX,
  type TestWorld,
} from './session-world';

applyServerEnvironment();

const { signInWithPassword } = await import('@/lib/auth/credentials-sign-in');
const { hashPassword } = await import('@/lib/auth/password');
const { currentTotpCode, createTotpSecret } = await import('@/lib/auth/totp');
const { generateRecoveryCodes, replaceRecoveryCodes } = await import('@/lib/auth/recovery-codes');
const { encryptSecret } = await import('@/lib/crypto');
const accountRoute = await import('@/app/api/accounts/[accountId]/route');
const usersRoute = await import('@/app/api/users/route');

let prisma: PrismaClient;
let world: TestWorld;
let counter = 0;
const password = 'correct horse battery staple';

async function person(options: { totp?: boolean; disabled?: boolean } = {}) {
  const email = `signin-${Date.now()}-${counter++}@example.test`;
  const secret = createTotpSecret();
  const user = await prisma.user.create({
    data: {
      email,
      name: 'Signer',
      role: 'LEAD',
      passwordHash: await hashPassword(password),
      totpSecret: options.totp ? encryptSecret(secret, Buffer.from(TEST_KEY_HEX, 'hex')) : null,
      totpEnabledAt: options.totp ? new Date() : null,
      disabledAt: options.disabled ? new Date() : null,
    },
  });
  return { user, email, secret };
}

const ip = () => `192.0.2.${counter++ % 250}`;
const meta = (sourceIp = ip()) => ({ sourceIp, userAgent: 'vitest' });

beforeAll(async () => {
  prisma = testPrisma();
  world = await createWorld(prisma);
});
afterAll(async () => {
  await prisma.$disconnect();
});

describe('sign-in with email and password', () => {
  it('signs in, with the role and memberships, and records the success', async () => {
    const { email, user } = await person();
    const signedIn = await signInWithPassword({ email: email.toUpperCase(), password }, meta());
    expect(signedIn).toMatchObject({ id: user.id, email, role: 'LEAD', accountIds: [] });
    expect(
      await prisma.auditEvent.findFirst({ where: { actorEmail: email, action: 'auth.sign_in', outcome: 'success' } }),
    ).not.toBeNull();
  });

  it('refuses a wrong password, a disabled user and an unknown email alike, and audits each', async () => {
    const { email } = await person();
    await expect(signInWithPassword({ email, password: 'nope' }, meta())).rejects.toThrow('invalid-credentials');
    const disabled = await person({ disabled: true });
    await expect(signInWithPassword({ email: disabled.email, password }, meta())).rejects.toThrow(
      'invalid-credentials',
    );
    await expect(signInWithPassword({ email: 'nobody@example.test', password }, meta())).rejects.toThrow(
      'invalid-credentials',
    );
    expect(
      await prisma.auditEvent.count({ where: { actorEmail: { in: [email, disabled.email] }, outcome: 'failure' } }),
    ).toBe(2);
  });

  it('locks an email out after five failures, even with the right password, from any address', async () => {
    const { email } = await person();
    for (let attempt = 0; attempt < 5; attempt++)
      await expect(signInWithPassword({ email, password: 'nope' }, meta())).rejects.toThrow('invalid-credentials');
    await expect(signInWithPassword({ email, password }, meta())).rejects.toThrow('locked-out');
    const denied = await prisma.auditEvent.findFirst({ where: { actorEmail: email, outcome: 'denied' } });
    expect(denied?.params).toMatchObject({ reason: expect.stringContaining('locked out by email') });
  });

  it('locks a source address out after five failures across different emails', async () => {
    const address = '198.18.200.1';
    for (let attempt = 0; attempt < 5; attempt++) {
      await expect(
        signInWithPassword({ email: `spray-${attempt}-${Date.now()}@example.test`, password: 'x' }, meta(address)),
      ).rejects.toThrow('invalid-credentials');
    }
    const { email } = await person();
    await expect(signInWithPassword({ email, password }, meta(address))).rejects.toThrow('locked-out');
    await expect(signInWithPassword({ email, password }, meta('198.18.200.2'))).resolves.toMatchObject({ email });
  });

  it('asks for the TOTP code, refuses a wrong or malformed one, accepts the right one', async () => {
    const { email, secret } = await person({ totp: true });
    await expect(signInWithPassword({ email, password }, meta())).rejects.toThrow('totp-required');
    await expect(signInWithPassword({ email, password, code: '12ab' }, meta())).rejects.toThrow('invalid-code');
    const wrong = String((Number(currentTotpCode(secret)) + 500_000) % 1_000_000).padStart(6, '0');
    await expect(signInWithPassword({ email, password, code: wrong }, meta())).rejects.toThrow('invalid-code');
    await expect(signInWithPassword({ email, password, code: currentTotpCode(secret) }, meta())).resolves.toMatchObject(
      { email },
    );
  });

  it('accepts each recovery code once, and keeps only their hashes', async () => {
    const { email, user } = await person({ totp: true });
    const codes = generateRecoveryCodes();
    expect(new Set(codes).size).toBe(10);
    await prisma.$transaction((tx) => replaceRecoveryCodes(tx, user.id, codes));
    const stored = await prisma.recoveryCode.findMany({ where: { userId: user.id } });
    expect(stored.map((row) => row.codeHash)).not.toContain(codes[0]);
    await expect(signInWithPassword({ email, password, code: codes[0]!.toUpperCase() }, meta())).resolves.toMatchObject(
      { email },
    );
    await expect(signInWithPassword({ email, password, code: codes[0] }, meta())).rejects.toThrow('invalid-code');
  });
});

describe('the wrapper around route handlers', () => {
  it('answers 401 to a disabled user at once, whatever the cookie says', async () => {
    const { user } = await person();
    await prisma.membership.create({ data: { userId: user.id, accountId: world.accountA } });
    const cookie = await sessionCookie(user.id);
    const call = () =>
      accountRoute.GET(routeRequest(`/api/accounts/${world.accountA}`, { method: 'GET', cookie }), {
        params: Promise.resolve({ accountId: world.accountA }),
      });
    expect((await call()).status).toBe(200);
    await prisma.user.update({ where: { id: user.id }, data: { disabledAt: new Date() } });
    expect((await call()).status).toBe(401);
  });

  it('takes a removed membership into account at once', async () => {
    const { user } = await person();
    await prisma.membership.create({ data: { userId: user.id, accountId: world.accountA } });
    const cookie = await sessionCookie(user.id);
    const call = () =>
      accountRoute.GET(routeRequest(`/api/accounts/${world.accountA}`, { method: 'GET', cookie }), {
        params: Promise.resolve({ accountId: world.accountA }),
      });
    expect((await call()).status).toBe(200);
    await prisma.membership.delete({ where: { userId_accountId: { userId: user.id, accountId: world.accountA } } });
    expect((await call()).status).toBe(403);
  });

  it('reads the account a request names with the session, in the same statement', async () => {
    const { loadSessionUser } = await import('@/lib/auth/session-user-lookup');
    await prisma.account.update({ where: { id: world.accountA }, data: { capabilities: { token_list: 'supported' } } });
    const withAccount = await loadSessionUser({ sub: world.users.lead, sv: 0, sid: 'lookup-test' }, world.accountA);
    expect(withAccount?.user).toMatchObject({ id: world.users.lead, role: 'LEAD', accountIds: [world.accountA] });
    expect(withAccount?.account).toMatchObject({
      id: world.accountA,
      label: 'Account a',
      apiBaseUrl: 'http://127.0.0.1:9/json',
      capabilities: { token_list: 'supported' },
    });
    expect(typeof withAccount?.account?.keysVersion).toBe('bigint');
    expect(withAccount?.account?.credentialCiphertext).toMatch(/^v1\./);
    expect(
      (await loadSessionUser({ sub: world.users.lead, sv: 0, sid: 'lookup-test' }, 'no-such-account'))?.account,
    ).toBeNull();
    expect((await loadSessionUser({ sub: world.users.lead, sv: 0, sid: 'lookup-test' }))?.account).toBeNull();
  });

  it('restarts the idle clock of a session on its answers, at most once a minute', async () => {
    const { user } = await person();
    await prisma.membership.create({ data: { userId: user.id, accountId: world.accountA } });
    const call = (cookie: string) =>
      accountRoute.GET(routeRequest(`/api/accounts/${world.accountA}`, { method: 'GET', cookie }), {
        params: Promise.resolve({ accountId: world.accountA }),
      });
    const idleSeconds = 8 * 3600;

    // Issued an hour's lifetime ago-equivalent: due for a fresh cookie with the whole idle lifetime.
    const due = await call(await sessionCookie(user.id));
    expect(due.status).toBe(200);
    const reissued = due.headers.getSetCookie().find((cookie) => cookie.startsWith('next-auth.session-token='));
    expect(reissued).toMatch(new RegExp(`Max-Age=${idleSeconds}`));
    expect(reissued).toMatch(/HttpOnly/i);
    const renewedCookie = reissued!.split(';')[0]!;
    const { readSessionToken } = await import('@/lib/auth/session-cookie');
    expect((await readSessionToken(renewedCookie.split('=')[1]))?.sub).toBe(user.id);

    // Issued just now: nothing to renew.
    const fresh = await call(renewedCookie);
    expect(fresh.status).toBe(200);
    expect(fresh.headers.getSetCookie().some((cookie) => cookie.startsWith('next-auth.session-token='))).toBe(false);
  });

  it("refuses another tenant's account id in the URL with a 403 and an audit row", async () => {
    const cookie = await sessionCookie(world.users.otherAdmin);
    const response = await accountRoute.GET(
      routeRequest(`/api/accounts/${world.accountA}`, { method: 'GET', cookie }),
      { params: Promise.resolve({ accountId: world.accountA }) },
    );
    expect(response.status).toBe(403);
    expect(await response.json()).toMatchObject({
      error: 'forbidden',
      message: 'You are not a member of this sendSMS account',
    });
    const audit = await prisma.auditEvent.findFirst({
      where: { actorId: world.users.otherAdmin, accountId: world.accountA, outcome: 'denied' },
      orderBy: { id: 'desc' },
    });
    expect(audit).toMatchObject({
      action: 'access.denied',
      sourceIp: '203.0.113.9',
      params: { permission: 'accounts.read', method: 'GET' },
    });
  });

  it("refuses another tenant's account id in a body with a 403 and an audit row", async () => {
    const cookie = await sessionCookie(world.users.otherAdmin);
    const body = {
      name: 'Intruder',
      email: `intruder-${Date.now()}@example.test`,
      role: 'LEAD',
      accountIds: [world.accountA],
    };
    const response = await usersRoute.POST(routeRequest('/api/users', { method: 'POST', cookie, body }), {
      params: Promise.resolve({}),
    });
    expect(response.status).toBe(403);
    expect(await prisma.user.findUnique({ where: { email: body.email } })).toBeNull();
    expect(
      await prisma.auditEvent.count({
        where: {
          actorId: world.users.otherAdmin,
          accountId: world.accountA,
          outcome: 'denied',
          params: { path: ['path'], equals: '/api/users' },
        },
      }),
    ).toBe(1);
  });

  it('refuses a forged cross-origin write before anything else', async () => {
    const cookie = await sessionCookie(world.users.admin);
    const body = {
      name: 'Forged',
      email: `forged-${Date.now()}@example.test`,
      role: 'ADMIN',
      accountIds: [world.accountA],
    };
    const postFrom = (origin: string) =>
      usersRoute.POST(
        routeRequest('/api/users', { method: 'POST', cookie, body, headers: { origin, host: '127.0.0.1:3000' } }),
        { params: Promise.resolve({}) },
      );
    expect((await postFrom('https://attacker.example')).status).toBe(403);
    expect(await prisma.user.findUnique({ where: { email: body.email } })).toBeNull();
    expect((await postFrom('http://127.0.0.1:3000')).status).toBe(201);
  });

  it('answers 422 with the reason for a malformed body', async () => {
    const cookie = await sessionCookie(world.users.admin);
    const response = await usersRoute.POST(
      routeRequest('/api/users', { method: 'POST', cookie, body: { email: 'not-an-email', role: 'KING' } }),
      { params: Promise.resolve({}) },
    );
    expect(response.status).toBe(422);
    expect(await response.json()).toMatchObject({
      error: 'invalid',
      issues: expect.arrayContaining([expect.objectContaining({ path: 'email' })]),
    });
  });
});
