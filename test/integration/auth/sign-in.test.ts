import '@/test/integration/support/server-environment';
import { describe, expect, it } from 'vitest';
import * as accountRoute from '@/app/api/accounts/[accountId]/route';
import * as usersRoute from '@/app/api/users/route';
import { signInWithPassword } from '@/lib/auth/credentials-sign-in';
import { hashPassword } from '@/lib/auth/password';
import { generateRecoveryCodes, replaceRecoveryCodes } from '@/lib/auth/recovery-codes';
import { currentTotpCode, createTotpSecret } from '@/lib/auth/totp';
import { newUserBody, routeRequest, sessionCookie, sessionCookieIn, sessionWorld, twoFactorOn } from './session-world';

const { prisma, world } = await sessionWorld();
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
      ...(options.totp ? twoFactorOn(secret) : {}),
      disabledAt: options.disabled ? new Date() : null,
    },
  });
  return { user, email, secret };
}

const ip = () => `192.0.2.${counter++ % 250}`;
const meta = (sourceIp = ip()) => ({ sourceIp, userAgent: 'vitest' });

/** GET /api/accounts/:accountId for account A, through its route handler, with this session cookie. */
const readAccountA = (cookie: string) =>
  accountRoute.GET(routeRequest(`/api/accounts/${world.accountA}`, { method: 'GET', cookie }), {
    params: Promise.resolve({ accountId: world.accountA }),
  });

/** A new member of account A. */
async function memberOfA() {
  const { user } = await person();
  await prisma.membership.create({ data: { userId: user.id, accountId: world.accountA } });
  return user;
}

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
    const lockedOutFrom = ip();
    await expect(signInWithPassword({ email, password }, meta(lockedOutFrom))).rejects.toThrow('locked-out');
    // The failures are audited with the email; the refusals after them are only counted (no row each).
    expect(await prisma.auditEvent.count({ where: { actorEmail: email, outcome: 'failure' } })).toBe(5);
    expect(await prisma.auditEvent.count({ where: { actorEmail: email, outcome: 'denied' } })).toBe(0);
    const counted = await prisma.anonymousRefusal.findMany({ where: { sourceIp: lockedOutFrom } });
    expect(counted).toMatchObject([{ count: 1, firstPath: '/api/auth/callback/credentials' }]);
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
  // What an admin changes while the session lives, and the answer the very next request gets.
  it.each<[string, (userId: string) => Promise<unknown>, number]>([
    [
      'answers 401 to a disabled user at once, whatever the cookie says',
      (userId) => prisma.user.update({ where: { id: userId }, data: { disabledAt: new Date() } }),
      401,
    ],
    [
      'takes a removed membership into account at once',
      (userId) => prisma.membership.delete({ where: { userId_accountId: { userId, accountId: world.accountA } } }),
      403,
    ],
  ])('%s', async (_name, change, status) => {
    const user = await memberOfA();
    const cookie = await sessionCookie(user.id);
    expect((await readAccountA(cookie)).status).toBe(200);
    await change(user.id);
    expect((await readAccountA(cookie)).status).toBe(status);
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
    const user = await memberOfA();
    const idleSeconds = 8 * 3600;

    // Issued an hour's lifetime ago-equivalent: due for a fresh cookie with the whole idle lifetime.
    const due = await readAccountA(await sessionCookie(user.id));
    expect(due.status).toBe(200);
    const reissued = sessionCookieIn(due);
    expect(reissued).toMatch(new RegExp(`Max-Age=${idleSeconds}`));
    expect(reissued).toMatch(/HttpOnly/i);
    const renewedCookie = reissued!.split(';')[0]!;
    const { readSessionToken } = await import('@/lib/auth/session-cookie');
    expect((await readSessionToken(renewedCookie.split('=')[1]))?.sub).toBe(user.id);

    // Issued just now: nothing to renew.
    const fresh = await readAccountA(renewedCookie);
    expect(fresh.status).toBe(200);
    expect(sessionCookieIn(fresh)).toBeUndefined();
  });

  it("refuses another tenant's account id in the URL with a 403 and an audit row", async () => {
    const response = await readAccountA(await sessionCookie(world.users.otherAdmin));
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
    const body = newUserBody('Intruder', 'LEAD', [world.accountA]);
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
    const body = newUserBody('Forged', 'ADMIN', [world.accountA]);
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
