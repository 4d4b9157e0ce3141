import crypto from 'node:crypto';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sessionUserOf, type SessionUser } from '@/lib/auth/session-user';
import type { KeySearchResultView } from '@/lib/key-search/types';
import { keySearchSchema } from '@/lib/key-search/search-query';
import { parseIp } from '@/lib/ip/parse-ip';
import {
  applyServerEnvironment,
  createWorld,
  routeRequest,
  sessionCookie,
  type RouteHandler,
  type TestWorld,
} from '@/test/integration/auth/session-world';
import { testPrisma } from '@/test/integration/support/database';

/**
 * "Find a key" over real Postgres and through its route: each way of finding a key (the end of its secret, its name,
 * an IP on its list or refused, the account's username or label), each role within the accounts the permission
 * table lets it read, one tenant never seeing another's keys, no secret in any answer, and bad input refused with a
 * sentence, never a 500.
 */

applyServerEnvironment();

const ROOT = path.resolve(__dirname, '../../..');
const tag = crypto.randomBytes(4).toString('hex');
const prisma = testPrisma();
const SECRET_MARK = `ciphertext-that-must-never-leave-${tag}`;
const FINGERPRINT_MARK = `fingerprint-that-must-never-leave-${tag}`;
// Fragments and addresses of this file's own, so that other files' keys in the same database never match them; the
// fragments hold a letter no name, username or label here holds, so that they find keys by their fragment alone.
const shopTail = `z${crypto.randomBytes(2).toString('hex').slice(0, 3)}`;
const newsletterTail = `Q${crypto.randomBytes(2).toString('hex').slice(0, 3).toUpperCase()}`;
const lockedIp = `198.18.${parseInt(tag.slice(0, 2), 16)}.${parseInt(tag.slice(2, 4), 16)}`;
const normalIp = (text: string) => {
  const parsed = parseIp(text);
  if (!parsed.ok) throw new Error(parsed.reason);
  return parsed.address;
};
const refusedIp = normalIp(`2001:db8:${tag.slice(0, 4)}:1::${tag.slice(4, 8)}`);
const now = new Date('2026-12-06T09:00:00Z');

let world: TestWorld;
let shopKeyId: string;
let newsletterKeyId: string;
let deletedKeyId: string;
let otherTenantKeyId: string;
let search: (userId: string, q: string) => Promise<KeySearchResultView>;
let GET: RouteHandler;

async function userOf(userId: string): Promise<SessionUser> {
  const row = await prisma.user.findUniqueOrThrow({
    where: { id: userId },
    include: { memberships: { select: { accountId: true } } },
  });
  return sessionUserOf(row);
}

let keyCount = 0;
async function addKey(
  accountId: string,
  facts: {
    name: string;
    kind?: 'DEFAULT' | 'CLOUD';
    secretTail: string;
    upstreamName?: string;
    lockedAt?: Date;
    lastUsedDaysAgo?: number;
    refusedIp?: string;
    ips?: string[];
    deleted?: boolean;
  },
) {
  keyCount += 1;
  const key = await prisma.apiKey.create({
    data: {
      accountId,
      name: facts.name,
      kind: facts.kind ?? 'DEFAULT',
      usageLabel: facts.kind ?? 'DEFAULT',
      fragment: `…${facts.secretTail}`,
      secretFingerprint: `${FINGERPRINT_MARK}-${keyCount}`,
      secretCiphertext: SECRET_MARK,
      origin: 'GENERATED',
      upstreamName: facts.upstreamName ?? null,
      lockedAt: facts.lockedAt ?? null,
      lastUsedAt:
        facts.lastUsedDaysAgo === undefined ? null : new Date(now.getTime() - facts.lastUsedDaysAgo * 86_400_000),
      useCount: facts.lastUsedDaysAgo === undefined ? 0 : 42,
      refusedCount: facts.refusedIp ? 3 : 0,
      lastRefusedIp: facts.refusedIp ?? null,
      lastRefusedAt: facts.refusedIp ? now : null,
      deletedAt: facts.deleted ? now : null,
    },
  });
  for (const [index, address] of (facts.ips ?? []).entries())
    await prisma.keyIp.create({
      data: {
        keyId: key.id,
        address,
        reason: index === 0 ? 'FIRST_USE' : 'WHITELISTED',
        addedAt: new Date(now.getTime() + index),
      },
    });
  return key.id;
}

beforeAll(async () => {
  world = await createWorld(prisma, tag);
  await prisma.account.update({ where: { id: world.accountA }, data: { label: `Magazin Popescu ${tag}` } });
  await prisma.account.update({ where: { id: world.accountB }, data: { label: `Other tenant ${tag}` } });
  shopKeyId = await addKey(world.accountA, {
    name: `Shop plugin ${tag}`,
    secretTail: shopTail,
    lockedAt: new Date('2026-11-01T08:00:00Z'),
    lastUsedDaysAgo: 1,
    ips: [lockedIp, '192.0.2.44'],
  });
  newsletterKeyId = await addKey(world.accountA, {
    name: `Newsletter ${tag}`,
    kind: 'CLOUD',
    secretTail: newsletterTail,
    upstreamName: `mailer-at-sendsms-${tag}`,
    refusedIp,
  });
  deletedKeyId = await addKey(world.accountA, {
    name: `Shop plugin old ${tag}`,
    secretTail: shopTail,
    ips: [lockedIp],
    deleted: true,
  });
  // Tenant B holds a key that matches every search of tenant A's: same end of key, same address, a similar name.
  otherTenantKeyId = await addKey(world.accountB, {
    name: `Shop plugin ${tag} (B)`,
    secretTail: shopTail,
    refusedIp: lockedIp,
    ips: [lockedIp],
  });
  const { searchKeys: service } = await import('@/lib/key-search/search-service');
  search = async (userId, q) => service({ prisma }, await userOf(userId), keySearchSchema.parse({ q }));
  GET = ((await import(/* @vite-ignore */ path.join(ROOT, 'app/api/keys/search/route.ts'))) as { GET: RouteHandler })
    .GET;
});

afterAll(async () => {
  await prisma.$disconnect();
});

const ids = (result: KeySearchResultView) => result.rows.map((row) => row.id);

describe('finding a key', () => {
  it('by the end of its secret, as the customer reads it out or as the dashboard shows it, never a deleted key', async () => {
    for (const q of [shopTail, `…${shopTail}`, `...${shopTail}`, shopTail.toUpperCase(), `0123456789${shopTail}`]) {
      const found = await search(world.users.admin, q);
      expect(ids(found), q).toEqual([shopKeyId]);
      expect(found.rows[0]!.matchedOn).toContain('fragment');
    }
    // Stored in capitals: a customer reading it out in lower case still finds it.
    expect(ids(await search(world.users.admin, newsletterTail.toLowerCase()))).toEqual([newsletterKeyId]);
    expect(ids(await search(world.users.admin, shopTail))).not.toContain(deletedKeyId);
  });

  it('from a whole key pasted by mistake, by its last 4 characters only', async () => {
    const secret = `9b1de4c1a2f04e7d8c6b5a4f3e2d${shopTail}`;
    const found = await search(world.users.admin, secret);
    expect(ids(found)).toEqual([shopKeyId]);
    expect(found.rows[0]!.matchedOn).toEqual(['fragment']);
    // Not repeated back either.
    expect(found.q).toBe(`…${shopTail}`);
    expect(JSON.stringify(found)).not.toContain(secret);
  });

  it('by part of its name or of the name sendSMS knows it by, in any case', async () => {
    const byName = await search(world.users.admin, `SHOP PLUGIN ${tag}`);
    expect(ids(byName)).toEqual([shopKeyId]);
    expect(byName.rows[0]!.matchedOn).toEqual(['name']);
    expect(ids(await search(world.users.admin, `mailer-AT-sendsms-${tag}`))).toEqual([newsletterKeyId]);
    // LIKE's wildcards are searched for as themselves.
    expect(ids(await search(world.users.admin, `shop%${tag}`))).toEqual([]);
  });

  it('by an IP on its Locked On list, or one sendSMS refused, in any notation', async () => {
    const locked = await search(world.users.admin, ` ${lockedIp} `);
    expect(ids(locked)).toEqual([shopKeyId]);
    expect(locked).toMatchObject({ searchedAs: 'ip' });
    expect(locked.rows[0]!.matchedOn).toEqual(['locked-ip']);
    const refused = await search(world.users.admin, refusedIp.toUpperCase().replace('::', ':0:0:0:'));
    expect(ids(refused)).toEqual([newsletterKeyId]);
    expect(refused.rows[0]!.matchedOn).toEqual(['refused-ip']);
  });

  it('by any address a key was refused from, not only the last one', async () => {
    const earlier = '198.51.100.77';
    await prisma.keyRefusal.create({
      data: { keyId: newsletterKeyId, address: earlier, firstAt: new Date(), lastAt: new Date(), count: 3 },
    });
    const found = await search(world.users.admin, earlier);
    expect(ids(found)).toEqual([newsletterKeyId]);
    expect(found.rows[0]!.matchedOn).toEqual(['refused-ip']);
  });

  it('by the sendSMS username or the account’s label: every live key of the account', async () => {
    const byUsername = await search(world.users.admin, `a-${tag}`);
    expect(ids(byUsername).sort()).toEqual([shopKeyId, newsletterKeyId].sort());
    expect(byUsername.rows.every((row) => row.matchedOn.includes('account'))).toBe(true);
    expect(ids(await search(world.users.admin, `popescu ${tag}`)).sort()).toEqual([shopKeyId, newsletterKeyId].sort());
  });

  it('answers what support asks about first, with the key’s page', async () => {
    const [shop] = (await search(world.users.support, `Shop plugin ${tag}`)).rows.filter((row) => row.id === shopKeyId);
    expect(shop).toEqual({
      id: shopKeyId,
      accountId: world.accountA,
      accountLabel: `Magazin Popescu ${tag}`,
      accountUsername: `a-${tag}`,
      name: `Shop plugin ${tag}`,
      upstreamName: null,
      kind: 'DEFAULT',
      usageLabel: 'DEFAULT',
      fragment: `…${shopTail}`,
      lockState: 'locked',
      lockedAt: '2026-11-01T08:00:00.000Z',
      lockedIps: [lockedIp, '192.0.2.44'],
      lastUsedAt: new Date(now.getTime() - 86_400_000).toISOString(),
      useCount: 42,
      refusedCount: 0,
      lastRefusedIp: null,
      lastRefusedAt: null,
      matchedOn: ['name'],
      href: `/accounts/${world.accountA}/api-keys/${shopKeyId}`,
    });
    const [newsletter] = (await search(world.users.admin, `Newsletter ${tag}`)).rows;
    expect(newsletter).toMatchObject({ lockState: 'cloud', lockedAt: null, upstreamName: `mailer-at-sendsms-${tag}` });
  });

  it('lists the best 50 and says when there are more', async () => {
    await prisma.apiKey.createMany({
      data: Array.from({ length: 60 }, (_, index) => ({
        accountId: world.accountB,
        name: `Bulk ${tag} ${index}`,
        kind: 'CLOUD' as const,
        usageLabel: 'CLOUD' as const,
        fragment: '…bulk',
        secretFingerprint: `${FINGERPRINT_MARK}-bulk-${index}`,
        origin: 'LISTED' as const,
      })),
    });
    const many = await search(world.users.support, `Bulk ${tag}`);
    expect(many.rows).toHaveLength(50);
    expect(many.truncated).toBe(true);
    expect((await search(world.users.support, `Bulk ${tag} 59`)).truncated).toBe(false);
  });
});

describe('who finds what', () => {
  it('gives support staff and the installation admin every account, and the others only their own', async () => {
    for (const userId of [world.users.support, world.users.installAdmin]) {
      const everywhere = ids(await search(userId, shopTail));
      expect(everywhere).toEqual(expect.arrayContaining([shopKeyId, otherTenantKeyId]));
      expect(everywhere).not.toContain(deletedKeyId);
    }
    expect(ids(await search(world.users.lead, shopTail))).toEqual([shopKeyId]);
    expect(ids(await search(world.users.admin, lockedIp))).toEqual([shopKeyId]);
    expect(ids(await search(world.users.otherAdmin, lockedIp))).toEqual([otherTenantKeyId]);
  });

  it('never shows an admin another tenant’s keys, whichever way they search', async () => {
    const otherAdmin = world.users.otherAdmin;
    for (const q of [shopTail, `Shop plugin ${tag}`, `a-${tag}`, `Magazin Popescu`, lockedIp, refusedIp]) {
      const found = await search(otherAdmin, q);
      expect(
        found.rows.filter((row) => row.accountId !== world.accountB),
        q,
      ).toEqual([]);
    }
    // A user with no account finds nothing, without a query being run.
    const member = await prisma.user.create({
      data: { email: `no-account-${tag}@example.test`, name: 'x', role: 'ADMIN' },
    });
    expect(await search(member.id, shopTail)).toMatchObject({ rows: [], truncated: false });
  });
});

describe('GET /api/keys/search', () => {
  const call = async (userId: string | null, query: string) => {
    const cookie = userId ? await sessionCookie(userId) : undefined;
    const response = await GET(routeRequest(`/api/keys/search${query}`, { method: 'GET', cookie }), {
      params: Promise.resolve({}),
    });
    return { status: response.status, text: await response.text() };
  };

  it('answers each role with keys and never a secret, its ciphertext or its fingerprint', async () => {
    const users = [world.users.support, world.users.installAdmin, world.users.admin, world.users.lead];
    for (const userId of [...users, world.users.otherAdmin])
      for (const q of [shopTail, `Shop plugin ${tag}`, lockedIp, refusedIp, `a-${tag}`, `Bulk ${tag}`]) {
        const { status, text } = await call(userId, `?q=${encodeURIComponent(q)}`);
        expect(status, text.slice(0, 200)).toBe(200);
        for (const secret of [SECRET_MARK, FINGERPRINT_MARK, 'secretCiphertext', 'secretFingerprint'])
          expect(text).not.toContain(secret);
        // Tenant A's traces never reach tenant B's admin (the answer repeats the query, which is B's own).
        const rows = JSON.stringify((JSON.parse(text) as KeySearchResultView).rows);
        if (userId === world.users.otherAdmin)
          for (const trace of [`a-${tag}`, `Magazin Popescu ${tag}`, shopKeyId, newsletterKeyId, world.accountA])
            expect(rows, q).not.toContain(trace);
      }
    const { text } = await call(world.users.support, `?q=${shopTail}`);
    expect((JSON.parse(text) as KeySearchResultView).rows.length).toBeGreaterThanOrEqual(2);
  });

  it('refuses a missing, too short or malformed search with a sentence, never a 500', async () => {
    const refusals = [
      '',
      '?q=',
      '?q=ab',
      '?q=%E2%80%A6',
      '?q=...',
      `?q=shop%00plugin`,
      `?q=${'%01'.repeat(10)}`,
      `?q=${'x'.repeat(500)}`,
    ];
    for (const query of refusals) {
      const { status, text } = await call(world.users.support, query);
      expect(status, `${query}: ${text.slice(0, 200)}`).toBe(422);
      expect(JSON.parse(text)).toMatchObject({ message: expect.any(String) });
    }
    expect(JSON.parse((await call(world.users.support, '?q=ab')).text).message).toMatch(/at least 3 characters/);
  });

  it('asks for a session first', async () => {
    expect((await call(null, `?q=${shopTail}`)).status).toBe(401);
    expect((await call(world.users.disabled, `?q=${shopTail}`)).status).toBe(401);
  });
});
