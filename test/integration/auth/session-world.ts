import crypto from 'node:crypto';
import { encode } from 'next-auth/jwt';
import { NextRequest } from 'next/server';
import { afterAll } from 'vitest';
import { encryptSecret } from '@/lib/crypto';
import type { PrismaClient } from '@/lib/generated/prisma/client';
import type { Role } from '@/lib/generated/prisma/enums';
import type { RunningSandbox } from '@/lib/sendsms/sandbox/server';
import { uniqueUsername } from '@/test/integration/sendsms/sandbox-fixture';
import { testDatabaseUrl, testPrisma } from '@/test/integration/support/database';

/**
 * A small world for authorization tests, written straight to the test database: accounts A and B, one user per
 * kind of caller, and session cookies made the way next-auth makes them. The server modules read the same
 * environment a started dashboard gets, set here before they load.
 */

export const TEST_SECRET = 'integration-test-secret-'.padEnd(48, 'x');
export const TEST_KEY_HEX = 'ab'.repeat(32);

export function applyServerEnvironment(): void {
  process.env.DATABASE_URL = testDatabaseUrl();
  process.env.NEXTAUTH_SECRET = TEST_SECRET;
  process.env.CREDENTIALS_ENCRYPTION_KEY = TEST_KEY_HEX;
  process.env.SENDSMS_API_URL = 'http://127.0.0.1:9/json';
  process.env.SENDSMS_TIMEOUT_MS = '500';
}

export interface TestWorld {
  accountA: string;
  accountB: string;
  userInA: string;
  users: { lead: string; support: string; otherAdmin: string; admin: string; installAdmin: string; disabled: string };
  credentialA: string;
}

export async function createWorld(
  prisma: PrismaClient,
  tag = crypto.randomBytes(4).toString('hex'),
): Promise<TestWorld> {
  const key = Buffer.from(TEST_KEY_HEX, 'hex');
  const credentialA = `cred-A-${crypto.randomBytes(8).toString('hex')}`;
  const account = (name: string, credential: string) =>
    prisma.account.create({
      data: {
        label: `Account ${name}`,
        username: `${name}-${tag}`,
        credentialCiphertext: encryptSecret(credential, key),
        credentialKind: 'PASSWORD',
        apiBaseUrl: 'http://127.0.0.1:9/json',
      },
    });
  const accountA = (await account('a', credentialA)).id;
  const accountB = (await account('b', `cred-B-${tag}`)).id;
  const user = (name: string, role: Role, accountIds: string[], disabledAt: Date | null = null) =>
    prisma.user
      .create({
        data: {
          email: `${name}-${tag}@example.test`,
          name,
          role,
          disabledAt,
          memberships: { create: accountIds.map((accountId) => ({ accountId })) },
        },
      })
      .then((row) => row.id);
  return {
    accountA,
    accountB,
    credentialA,
    userInA: await user('in-a', 'LEAD', [accountA]),
    users: {
      lead: await user('lead', 'LEAD', [accountA]),
      support: await user('support', 'SUPPORT', []),
      otherAdmin: await user('admin-b', 'ADMIN', [accountB]),
      admin: await user('admin-a', 'ADMIN', [accountA]),
      installAdmin: await user('install-admin', 'INSTALLATION_ADMIN', []),
      disabled: await user('disabled-a', 'ADMIN', [accountA], new Date()),
    },
  };
}

/**
 * The file's database client and world, made while the file loads (top-level await) so that tests and helpers
 * read them as plain constants; the client is let go after the file's last test.
 */
export async function sessionWorld(): Promise<{ prisma: PrismaClient; world: TestWorld }> {
  const prisma = testPrisma();
  afterAll(() => prisma.$disconnect());
  return { prisma, world: await createWorld(prisma) };
}

/** A user's columns with 2FA switched on for this TOTP secret, stored encrypted as enrolment stores it. */
export function twoFactorOn(totpSecret: string) {
  return { totpSecret: encryptSecret(totpSecret, Buffer.from(TEST_KEY_HEX, 'hex')), totpEnabledAt: new Date() };
}

/** The body of POST /api/users for a new user of these accounts, under an email of its own. */
export function newUserBody(name: string, role: Role, accountIds: string[]) {
  return { name, email: `${name.toLowerCase()}-${crypto.randomUUID()}@example.test`, role, accountIds };
}

/** A session cookie as next-auth makes it at sign-in: the user's session version then (0 unless a test moved it) and an id of its own. */
export async function sessionCookie(userId: string, sessionVersion = 0): Promise<string> {
  const token = await encode({
    token: { sub: userId, sv: sessionVersion, sid: crypto.randomUUID() },
    secret: TEST_SECRET,
    maxAge: 3600,
  });
  return `next-auth.session-token=${token}`;
}

/**
 * The session cookie an answer sets, as its whole Set-Cookie line (`name=value; Max-Age=…; HttpOnly…`), or
 * undefined when it sets none: how a renewed or re-issued session reaches the browser. Over https next-auth names
 * it `__Secure-next-auth.session-token`.
 */
export function sessionCookieIn(response: Response, name = 'next-auth.session-token'): string | undefined {
  return response.headers.getSetCookie().find((cookie) => cookie.startsWith(`${name}=`));
}

export function routeRequest(
  path: string,
  init: { method: string; cookie?: string; body?: unknown; headers?: Record<string, string> },
): NextRequest {
  const headers: Record<string, string> = {
    'user-agent': 'matrix-test',
    'x-forwarded-for': '203.0.113.9',
    ...init.headers,
  };
  if (init.cookie) headers.cookie = init.cookie;
  if (init.body !== undefined) headers['content-type'] = 'application/json';
  return new NextRequest(new URL(path, 'http://127.0.0.1:3000'), {
    method: init.method,
    headers,
    body: init.body === undefined ? undefined : JSON.stringify(init.body),
  });
}

/** A route handler as Next.js calls it. */
export type RouteHandler = (
  request: unknown,
  context: { params: Promise<Record<string, string>> },
) => Promise<Response>;

/** Calls a route handler as the user would, with a session cookie of their own: the answer's status, Retry-After and JSON. */
export async function callRoute(
  handler: RouteHandler | undefined,
  path: string,
  init: { method: string; userId: string; body?: unknown },
  params: Record<string, string>,
) {
  const cookie = await sessionCookie(init.userId);
  const response = await handler!(routeRequest(path, { method: init.method, cookie, body: init.body }), {
    params: Promise.resolve(params),
  });
  return {
    status: response.status,
    retryAfter: response.headers.get('retry-after'),
    body: (await response.json()) as Record<string, unknown>,
  };
}

/** Points a world's account at a new sendSMS account in the sandbox, with this password; the sandbox's username. */
export async function pointAccountAtSandbox(
  prisma: PrismaClient,
  sandbox: RunningSandbox,
  accountId: string,
  password: string,
): Promise<string> {
  const username = uniqueUsername('routes');
  await sandbox.control.createAccount({ username, password });
  await prisma.account.update({
    where: { id: accountId },
    data: {
      username,
      apiBaseUrl: sandbox.url,
      credentialCiphertext: encryptSecret(password, Buffer.from(TEST_KEY_HEX, 'hex')),
    },
  });
  return username;
}
