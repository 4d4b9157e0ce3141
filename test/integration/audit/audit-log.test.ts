import '@/test/integration/support/server-environment';
import { afterEach, describe, expect, it, vi } from 'vitest';
import * as auditExportRoute from '@/app/api/audit/export/route';
import * as auditRoute from '@/app/api/audit/route';
import * as usersRoute from '@/app/api/users/route';
import { minuteOf, pruneAnonymousRefusals } from '@/lib/audit/anonymous-refusal';
import { recordAuditEvent } from '@/lib/audit/record';
import type { AuditLogPage } from '@/lib/audit-log/audit-log-service';
import { auditFilterChoices } from '@/lib/audit-log/filter-choices';
import { newUserBody, routeRequest, sessionCookie, sessionWorld } from '@/test/integration/auth/session-world';

/**
 * An audit log a person can read (issue 13): events name the user, the account and the key (a deleted key too),
 * say what happened in a sentence, show their details labelled and masked, and stay within the reader's tenant;
 * requests refused without a session are counted per address and minute, not written one row each.
 */

const { prisma, world } = await sessionWorld();

await prisma.user.update({ where: { id: world.users.admin }, data: { name: 'Ada Admin' } });
await prisma.account.update({ where: { id: world.accountA }, data: { label: 'Demo shop' } });
await prisma.account.update({ where: { id: world.accountB }, data: { label: 'Demo logistics' } });

const newKey = (accountId: string, name: string) =>
  prisma.apiKey.create({
    data: {
      accountId,
      name,
      kind: 'DEFAULT',
      usageLabel: 'DEFAULT',
      fragment: '…3f9a',
      secretFingerprint: `fp-${name}-${Math.random()}`,
      origin: 'GENERATED',
    },
  });

async function readLog(userId: string, query = '') {
  const response = await auditRoute.GET(
    routeRequest(`/api/audit${query}`, { method: 'GET', cookie: await sessionCookie(userId) }),
    { params: Promise.resolve({}) },
  );
  const text = await response.text();
  return { status: response.status, text, page: JSON.parse(text) as AuditLogPage };
}

/** A cross-origin POST /api/users, as a forged form on another site sends it; with a session cookie when given. */
const forgedWrite = (sourceIp: string, cookie?: string) =>
  usersRoute.POST(
    routeRequest('/api/users', {
      method: 'POST',
      cookie,
      body: newUserBody('Forged', 'ADMIN', [world.accountA]),
      headers: { origin: 'https://attacker.example', host: '127.0.0.1:3000', 'x-forwarded-for': sourceIp },
    }),
    { params: Promise.resolve({}) },
  );

afterEach(() => {
  vi.useRealTimers();
});

describe('the audit log names what its events name', () => {
  it('says who did what to which key of which account, a deleted key included, with the ids one copy away', async () => {
    const key = await newKey(world.accountA, 'API Key Test');
    await recordAuditEvent(prisma, {
      actorId: world.users.admin,
      actorEmail: 'ignored-when-the-user-is-known@example.test',
      actorRole: 'ADMIN',
      accountId: world.accountA,
      keyId: key.id,
      action: 'ip.authorize',
      params: { ip: '198.51.100.20', confirmFirstUseLock: false },
      outcome: 'success',
      upstreamStatus: 0,
      sourceIp: '203.0.113.9',
    });
    await prisma.apiKey.update({ where: { id: key.id }, data: { deletedAt: new Date() } });

    const { status, page } = await readLog(world.users.admin, `?accountId=${world.accountA}&keyId=${key.id}`);
    expect(status).toBe(200);
    expect(page.lines).toHaveLength(1);
    const [line] = page.lines;
    expect(line).toMatchObject({
      kind: 'event',
      sentence: 'Ada Admin authorized 198.51.100.20 on "API Key Test" (Demo shop)',
      outcome: 'success',
      event: {
        actor: { id: world.users.admin, name: 'Ada Admin' },
        account: { id: world.accountA, label: 'Demo shop' },
        key: { id: key.id, name: 'API Key Test', fragment: '…3f9a', deleted: true },
      },
    });
    expect(line!.details).toContainEqual({ label: 'Key', value: 'API Key Test · …3f9a · deleted' });
    expect(line!.details).toContainEqual({ label: 'IP address', value: '198.51.100.20' });
    expect(line!.ids).toEqual([
      { label: 'event', value: line!.event!.id },
      { label: 'user', value: world.users.admin },
      { label: 'account', value: world.accountA },
      { label: 'key', value: key.id },
    ]);
  });

  it("names a key only on an event of the key's own account", async () => {
    const keyOfB = await newKey(world.accountB, 'Key of B');
    await prisma.auditEvent.create({
      data: {
        actorId: world.users.admin,
        accountId: world.accountA,
        keyId: keyOfB.id,
        action: 'keys.refresh',
        outcome: 'success',
      },
    });
    const { text, page } = await readLog(world.users.admin, `?keyId=${keyOfB.id}`);
    expect(page.lines).toHaveLength(1);
    expect(page.lines[0]!.event!.key).toBeNull();
    expect(text).not.toContain('Key of B');
  });

  it('shows the details labelled, with every secret masked, even in a row written without the recorder', async () => {
    await prisma.auditEvent.create({
      data: {
        actorId: world.users.admin,
        accountId: world.accountA,
        action: 'account.rotate_credential',
        params: {
          apiBaseUrl: 'https://api.sendsms.ro/json',
          password: 'hand-written-secret',
          nested: { apiKey: 'nested-secret' },
        },
        outcome: 'success',
      },
    });
    const { text, page } = await readLog(world.users.admin, '?action=account.rotate_credential');
    const line = page.lines.find((candidate) => candidate.event?.params !== undefined);
    expect(line?.sentence).toBe('Ada Admin replaced the credential of Demo shop');
    expect(line?.details).toContainEqual({ label: 'API address', value: 'https://api.sendsms.ro/json' });
    expect(line?.details).toContainEqual({ label: 'Password', value: '***' });
    expect(line?.details).toContainEqual({ label: 'Nested › Api key', value: '***' });
    // The stored row is returned beside the lines, masked as well: nothing in the answer holds the secrets.
    expect(text).not.toContain('hand-written-secret');
    expect(text).not.toContain('nested-secret');
  });

  it('exports the same sentences and names as CSV, the ids in their own columns', async () => {
    const response = await auditExportRoute.GET(
      routeRequest(`/api/audit/export?action=ip.authorize&accountId=${world.accountA}`, {
        method: 'GET',
        cookie: await sessionCookie(world.users.admin),
      }),
      { params: Promise.resolve({}) },
    );
    const csv = await response.text();
    expect(response.status).toBe(200);
    expect(csv.split('\r\n')[0]).toContain('event,outcome,user,email,role,account');
    expect(csv).toContain('"Ada Admin authorized 198.51.100.20 on ""API Key Test"" (Demo shop)",succeeded,Ada Admin');
    expect(csv).toContain(world.accountA);
  });

  it("answers in the reader's language: their account's choice, else the browser's", async () => {
    const exportAs = async (headers: Record<string, string>) => {
      const response = await auditExportRoute.GET(
        routeRequest(`/api/audit/export?action=ip.authorize&accountId=${world.accountA}`, {
          method: 'GET',
          cookie: await sessionCookie(world.users.admin),
          headers,
        }),
        { params: Promise.resolve({}) },
      );
      return response.text();
    };
    const romanian = await exportAs({ 'accept-language': 'ro-RO,ro;q=0.9' });
    expect(romanian.split('\r\n')[0]).toContain('eveniment,rezultat,utilizator,email,rol,cont');
    expect(romanian).toContain(
      'Ada Admin a autorizat 198.51.100.20 pentru „API Key Test” (Demo shop),reușit,Ada Admin',
    );
    expect(romanian).toContain('Adresă IP: 198.51.100.20');

    await prisma.user.update({ where: { id: world.users.admin }, data: { locale: 'en' } });
    try {
      const chosen = await exportAs({ 'accept-language': 'ro-RO,ro;q=0.9' });
      expect(chosen).toContain('Ada Admin authorized 198.51.100.20 on ""API Key Test"" (Demo shop)');
      const { page } = await readLog(world.users.admin, '?action=ip.authorize');
      expect(page.lines[0]?.details).toContainEqual({ label: 'IP address', value: '198.51.100.20' });
    } finally {
      await prisma.user.update({ where: { id: world.users.admin }, data: { locale: null } });
    }
  });

  it("offers the reader's users, accounts and an account's keys (deleted ones too) by name, and no one else's", async () => {
    const deleted = await newKey(world.accountA, 'Retired key');
    await prisma.apiKey.update({ where: { id: deleted.id }, data: { deletedAt: new Date() } });
    const admin = await prisma.user.findUniqueOrThrow({ where: { id: world.users.admin } });
    const choices = await auditFilterChoices(
      { prisma },
      { id: admin.id, email: admin.email, name: admin.name, role: 'ADMIN', accountIds: [world.accountA] },
      { accountId: world.accountA },
    );
    expect(choices.accounts.map((account) => account.label)).toEqual(['Demo shop']);
    const userIds = choices.users.map((user) => user.id);
    expect(userIds).toEqual(expect.arrayContaining([world.users.admin, world.users.lead, world.userInA]));
    expect(userIds).not.toContain(world.users.support);
    expect(userIds).not.toContain(world.users.otherAdmin);
    expect(choices.keys).toContainEqual(
      expect.objectContaining({ id: deleted.id, name: 'Retired key', deleted: true }),
    );
  });
});

describe('tenants stay apart in the readable log', () => {
  it("shows an account admin only their accounts' events, and support every account's", async () => {
    await recordAuditEvent(prisma, {
      actorId: world.users.otherAdmin,
      actorEmail: null,
      actorRole: 'ADMIN',
      accountId: world.accountB,
      action: 'key.generate',
      params: { name: 'Logistics key', kind: 'CLOUD' },
      outcome: 'success',
    });
    const admin = await readLog(world.users.admin);
    expect(admin.status).toBe(200);
    expect(admin.text).not.toContain('Logistics key');
    expect(admin.text).not.toContain('Demo logistics');
    expect((await readLog(world.users.admin, `?accountId=${world.accountB}`)).status).toBe(403);

    const support = await readLog(world.users.support, `?accountId=${world.accountB}&action=key.generate`);
    expect(support.page.lines.map((line) => line.sentence)).toContain(
      'admin-b generated the Cloud key "Logistics key" (Demo logistics)',
    );
  });
});

describe('requests refused without a session', () => {
  it('are one bounded record per address and minute: 100 refusals make one row that counts 100, and no audit row', async () => {
    // A minute of its own, long past, so that the count is this test's alone and other files' first pages stay theirs.
    vi.useFakeTimers({ toFake: ['Date'] });
    vi.setSystemTime(new Date('2001-03-04T05:06:20.000Z'));
    const sourceIp = '198.51.100.77';
    const eventsBefore = await prisma.auditEvent.count();

    // At once, as a flood comes: each adds one to the same row, none is lost.
    const answers = await Promise.all(Array.from({ length: 100 }, () => forgedWrite(sourceIp)));
    expect(answers.map((answer) => answer.status)).toEqual(Array(100).fill(403));

    expect(await prisma.anonymousRefusal.findMany({ where: { sourceIp } })).toEqual([
      {
        sourceIp,
        minute: new Date('2001-03-04T05:06:00.000Z'),
        count: 100,
        firstPath: '/api/users',
        lastPath: '/api/users',
      },
    ]);
    expect(await prisma.auditEvent.count()).toBe(eventsBefore);
  });

  it('are one line among the events, in time order, for support; not for an account admin', async () => {
    await prisma.auditEvent.createMany({
      data: [
        {
          occurredAt: new Date('2001-03-04T05:07:10.000Z'),
          actorId: world.users.admin,
          accountId: world.accountA,
          action: 'account.view',
          params: { path: '/api-keys' },
          outcome: 'success',
        },
        {
          occurredAt: new Date('2001-03-04T05:05:59.000Z'),
          actorId: world.users.support,
          accountId: world.accountB,
          action: 'account.view',
          params: { path: `/api-keys/${world.accountB}` },
          outcome: 'success',
        },
      ],
    });
    await prisma.user.update({ where: { id: world.users.support }, data: { name: 'Sam Support' } });

    const support = await readLog(world.users.support, '?from=2001-03-04&to=2001-03-04');
    expect(support.page.lines.map((line) => line.sentence)).toEqual([
      'Ada Admin viewed the keys of Demo shop',
      '100 refused requests without a session from 198.51.100.77 in this minute',
      'Sam Support viewed the keys of Demo logistics',
    ]);
    expect(support.page.lines[1]).toMatchObject({ kind: 'anonymous_refusals', outcome: 'denied' });
    expect(support.page.total).toBe(2);

    // Filters that name a user, an account or another action leave them out.
    const filtered = await readLog(world.users.support, `?from=2001-03-04&accountId=${world.accountA}`);
    expect(filtered.text).not.toContain('refused requests without a session');
    const onlyRefusals = await readLog(world.users.support, '?from=2001-03-04&to=2001-03-04&action=anonymous.refused');
    expect(onlyRefusals.page.lines.map((line) => line.kind)).toEqual(['anonymous_refusals']);

    const admin = await readLog(world.users.admin, '?from=2001-03-04&to=2001-03-04');
    expect(admin.page.lines.map((line) => line.sentence)).toEqual(['Ada Admin viewed the keys of Demo shop']);
  });

  it("fall on exactly one page each: between that page's last event and the previous page's", async () => {
    // 60 events a minute apart on a day of their own; a page holds 50 (00:59 … 00:10), the next the other 10.
    await prisma.auditEvent.createMany({
      data: Array.from({ length: 60 }, (_, minute) => ({
        occurredAt: new Date(Date.UTC(2002, 0, 1, 0, minute, 30)),
        actorId: world.users.admin,
        accountId: world.accountA,
        action: 'account.view',
        params: { path: '/api-keys' },
        outcome: 'success',
      })),
    });
    await prisma.anonymousRefusal.createMany({
      data: [5, 30].map((minute) => ({
        sourceIp: `192.0.2.${minute}`,
        minute: new Date(Date.UTC(2002, 0, 1, 0, minute)),
        count: 3,
        firstPath: '/api/users',
        lastPath: '/api/users',
      })),
    });
    const refusalsOn = async (page: number) => {
      const { page: read } = await readLog(world.users.support, `?from=2002-01-01&to=2002-01-01&page=${page}`);
      const at = read.lines.findIndex((line) => line.kind === 'anonymous_refusals');
      return {
        refusals: read.lines.filter((line) => line.kind === 'anonymous_refusals').map((line) => line.sentence),
        after: read.lines[at - 1]?.occurredAt,
        before: read.lines[at + 1]?.occurredAt,
      };
    };
    expect(await refusalsOn(1)).toEqual({
      refusals: ['3 refused requests without a session from 192.0.2.30 in this minute'],
      after: '2002-01-01T00:30:30.000Z',
      before: '2002-01-01T00:29:30.000Z',
    });
    expect(await refusalsOn(2)).toEqual({
      refusals: ['3 refused requests without a session from 192.0.2.5 in this minute'],
      after: '2002-01-01T00:05:30.000Z',
      before: '2002-01-01T00:04:30.000Z',
    });
    expect((await refusalsOn(3)).refusals).toEqual([]);
  });

  it('are kept 90 days by the daily retention job', async () => {
    // Long ago, so that the prune removes no other test's rows.
    const now = new Date('2000-06-01T12:00:00.000Z');
    const row = (sourceIp: string, daysAgo: number) => ({
      sourceIp,
      minute: minuteOf(new Date(now.getTime() - daysAgo * 86_400_000)),
      firstPath: '/api/users',
      lastPath: '/api/users',
    });
    await prisma.anonymousRefusal.createMany({ data: [row('192.0.2.90', 91), row('192.0.2.89', 89)] });
    expect(await pruneAnonymousRefusals(prisma, now)).toBe(1);
    expect(await prisma.anonymousRefusal.count({ where: { sourceIp: '192.0.2.90' } })).toBe(0);
    expect(await prisma.anonymousRefusal.count({ where: { sourceIp: '192.0.2.89' } })).toBe(1);
  });

  it('are still audited one row each, naming the user, when the forged write rides a session', async () => {
    const before = await prisma.auditEvent.count({ where: { actorId: world.users.lead, action: 'access.denied' } });
    expect((await forgedWrite('198.51.100.78', await sessionCookie(world.users.lead))).status).toBe(403);
    expect(await prisma.auditEvent.count({ where: { actorId: world.users.lead, action: 'access.denied' } })).toBe(
      before + 1,
    );
    expect(await prisma.anonymousRefusal.count({ where: { sourceIp: '198.51.100.78' } })).toBe(0);
  });
});
