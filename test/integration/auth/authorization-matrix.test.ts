import fs from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { PrismaClient } from '@/lib/generated/prisma/client';
import { testPrisma } from '@/test/integration/support/database';
import { ROUTE_ACCESS, SERVER_ACTION_ACCESS, type Caller, type RouteAccess } from './route-access';
import { createWorld, routeRequest, sessionCookie, applyServerEnvironment, type TestWorld } from './session-world';

/**
 * Every route handler × every kind of caller, through the real handlers, the real wrapper and a real database.
 * Routes and server actions are found on disk, so a new one without an entry in route-access.ts fails here.
 */

applyServerEnvironment();

const ROOT = path.resolve(__dirname, '../../..');
const METHODS = ['GET', 'POST', 'PUT', 'PATCH', 'DELETE'] as const;
const CALLERS: Caller[] = ['anonymous', 'disabled', 'lead', 'support', 'otherAdmin', 'admin', 'installAdmin'];

function walk(directory: string): string[] {
  return fs.readdirSync(directory, { withFileTypes: true }).flatMap((entry) => {
    const full = path.join(directory, entry.name);
    if (entry.isDirectory()) return entry.name === 'node_modules' || entry.name === 'generated' ? [] : walk(full);
    return [full];
  });
}

const relative = (file: string) => path.relative(ROOT, file).split(path.sep).join('/');
const routeFiles = walk(path.join(ROOT, 'app'))
  .filter((file) => /\/route\.(ts|tsx|js)$/.test(file))
  .map(relative);

/** Files whose first statement is the "use server" directive: every export is a callable endpoint. */
const serverActionFiles = ['app', 'lib', 'components']
  .flatMap((folder) => walk(path.join(ROOT, folder)))
  .filter(
    (file) =>
      /\.(ts|tsx)$/.test(file) &&
      /^\s*(\/\/[^\n]*\n|\/\*[\s\S]*?\*\/\s*)*['"]use server['"]/.test(fs.readFileSync(file, 'utf8')),
  )
  .map(relative);

function pathFor(file: string, params: Record<string, string | string[]> = {}): string {
  const route = file
    .replace(/^app\//, '')
    .replace(/\/route\.(ts|tsx|js)$/, '')
    .replace(/\([^)]+\)\//g, '');
  return `/${route}`.replace(/\[(?:\.\.\.)?([^\]]+)\]/g, (_, name: string) => {
    const value = params[name];
    return Array.isArray(value) ? value.join('/') : (value ?? name);
  });
}

describe('the authorization matrix', () => {
  it('has an entry for every route handler and method, and none for routes that are gone', async () => {
    const onDisk: string[] = [];
    for (const file of routeFiles) {
      const source = fs.readFileSync(path.join(ROOT, file), 'utf8');
      for (const method of METHODS) {
        if (
          new RegExp(
            `export\\s+(const|async\\s+function|function)\\s+${method}\\b|export\\s*\\{[^}]*\\bas\\s+${method}\\b`,
          ).test(source)
        )
          onDisk.push(`${method} ${file}`);
      }
    }
    const entries = [...new Set(ROUTE_ACCESS.map((entry) => `${entry.method} ${entry.file}`))];
    expect(
      onDisk.filter((route) => !entries.includes(route)),
      'routes without an entry in test/integration/auth/route-access.ts',
    ).toEqual([]);
    expect(
      entries.filter((route) => !onDisk.includes(route)),
      'entries for routes that no longer exist',
    ).toEqual([]);
  });

  it('has an entry for every server action', () => {
    const declared = SERVER_ACTION_ACCESS.map((entry) => entry.action.split('#')[0]);
    expect(
      serverActionFiles.filter((file) => !declared.includes(file)),
      '"use server" files without an entry',
    ).toEqual([]);
    // Unkey's warning: a "use server" file in lib/ turns every helper that takes an account id into an endpoint.
    expect(serverActionFiles.filter((file) => file.startsWith('lib/'))).toEqual([]);
  });

  it('gives every non-public entry all seven callers', () => {
    for (const entry of ROUTE_ACCESS) {
      if (entry.public) continue;
      expect(Object.keys(entry.expect ?? {}).sort(), `${entry.method} ${entry.file}`).toEqual([...CALLERS].sort());
    }
  });

  describe('answers each caller exactly', () => {
    let prisma: PrismaClient;
    let world: TestWorld;
    let cookies: Record<Caller, string | undefined>;
    /** Strings that belong to tenant A alone: none may appear in an answer to tenant B's admin. */
    let tenantATraces: string[];
    const tally = { requests: 0, unexpectedSuccesses: 0, crossTenantSuccesses: 0 };

    beforeAll(async () => {
      prisma = testPrisma();
      world = await createWorld(prisma);
      cookies = {
        anonymous: undefined,
        disabled: await sessionCookie(world.users.disabled),
        lead: await sessionCookie(world.users.lead),
        support: await sessionCookie(world.users.support),
        otherAdmin: await sessionCookie(world.users.otherAdmin),
        admin: await sessionCookie(world.users.admin),
        installAdmin: await sessionCookie(world.users.installAdmin),
      };
      // Tenant A's history, so that a leak into tenant B's answers has something to leak: an event on its account,
      // and account-less events of its admin (a user created, with the new user's email) and of its lead.
      const marker = `tenant-a-only-${world.accountA}`;
      await prisma.auditEvent.createMany({
        data: [
          {
            actorId: world.users.admin,
            actorEmail: 'admin-a@example.test',
            actorRole: 'ADMIN',
            accountId: world.accountA,
            action: 'key.generate',
            params: { name: marker },
            outcome: 'success',
          },
          {
            actorId: world.users.admin,
            actorEmail: 'admin-a@example.test',
            actorRole: 'ADMIN',
            accountId: null,
            action: 'user.create',
            params: { email: `${marker}@example.test` },
            outcome: 'success',
          },
          {
            actorId: world.users.lead,
            actorEmail: 'lead-a@example.test',
            actorRole: 'LEAD',
            accountId: null,
            action: 'auth.sign_in',
            params: { method: 'password', note: marker },
            outcome: 'success',
          },
          {
            actorId: null,
            actorEmail: `${marker}-guess@example.test`,
            actorRole: null,
            accountId: null,
            action: 'auth.sign_in',
            params: { method: 'password' },
            outcome: 'failure',
          },
        ],
      });
      const users = await prisma.user.findMany({
        where: {
          id: {
            in: [
              world.users.admin,
              world.users.lead,
              world.userInA,
              world.users.support,
              world.users.installAdmin,
              world.users.disabled,
            ],
          },
        },
      });
      const accountA = await prisma.account.findUniqueOrThrow({ where: { id: world.accountA } });
      // Not the ids of account A and userInA: tenant B's admin names them in its own requests, and its own refused
      // requests (with their paths) are its to read. Their username and email stand for them.
      const namedByB = new Set([world.accountA, world.userInA]);
      tenantATraces = [
        marker,
        accountA.username,
        ...users.flatMap((user) => [user.id, user.email]).filter((trace) => !namedByB.has(trace)),
      ];
    });
    afterAll(async () => {
      await prisma.$disconnect();
    });

    const cases = ROUTE_ACCESS.filter(
      (entry): entry is RouteAccess & { expect: NonNullable<RouteAccess['expect']> } =>
        !entry.public && entry.expect !== undefined,
    ).flatMap((entry) =>
      CALLERS.map(
        (caller) =>
          [`${entry.method} ${pathFor(entry.file)}${entry.request ? '' : ''} as ${caller}`, entry, caller] as const,
      ),
    );

    it.each(cases)('%s', async (_, entry, caller) => {
      const spec =
        entry.request?.({
          accountA: world.accountA,
          accountB: world.accountB,
          userInA: world.userInA,
          unique: `${caller}-${Date.now()}-${Math.random().toString(36).slice(2, 8)}`,
        }) ?? {};
      const routeModule = (await import(/* @vite-ignore */ path.join(ROOT, entry.file))) as Record<
        string,
        (request: unknown, context: unknown) => Promise<Response>
      >;
      const handler = routeModule[entry.method];
      expect(handler, `${entry.file} exports ${entry.method}`).toBeTypeOf('function');
      const url = `${pathFor(entry.file, spec.params)}${spec.query ? `?${spec.query}` : ''}`;
      const response = await handler!(
        routeRequest(url, { method: entry.method, cookie: cookies[caller], body: spec.body }),
        { params: Promise.resolve(spec.params ?? {}) },
      );
      const expected = entry.expect[caller];
      const body = await response.text();
      tally.requests += 1;
      if (expected !== 'allow' && response.status < 400) tally.unexpectedSuccesses += 1;
      if (expected === 'allow') {
        expect(
          [401, 403],
          `${caller} should pass the gate; got ${response.status} ${body.slice(0, 200)}`,
        ).not.toContain(response.status);
      } else {
        expect(response.status, body.slice(0, 200)).toBe(expected);
        expect(JSON.parse(body)).toMatchObject({ message: expect.any(String) });
      }
      if (caller === 'otherAdmin') {
        const leaked = tenantATraces.filter((trace) => body.includes(trace));
        if (leaked.length > 0) tally.crossTenantSuccesses += 1;
        expect(leaked, `tenant B's admin saw tenant A's data in ${entry.method} ${url}: ${body.slice(0, 300)}`).toEqual(
          [],
        );
      }
    });

    afterAll(() => {
      console.log(
        `authorization matrix: ${tally.requests} requests (${ROUTE_ACCESS.filter((entry) => !entry.public).length} routes × ${CALLERS.length} principals), ${tally.unexpectedSuccesses} unexpected successes, ${tally.crossTenantSuccesses} cross-tenant answers`,
      );
    });
  });
});
