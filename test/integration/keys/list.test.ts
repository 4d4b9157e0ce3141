import { beforeAll, describe, expect, it } from 'vitest';
import { listAccountKeys } from '@/lib/keys/list-service';
import { DEFAULT_KEY_LIST_QUERY, KEY_SORTS, type KeyListQuery } from '@/lib/keys/list-query';
import { createTestAccount, serviceDeps, keysWorld, type TestAccount } from '@/test/integration/keys/keys-fixture';
import { callOn } from '@/test/integration/keys/key-calls';

/** Search, filters, sort on every column and pagination, done by Postgres over a registry of a few hundred keys. */

const DAY = 86_400_000;
const now = new Date('2026-11-22T12:00:00Z');
const world = keysWorld();
let account: TestAccount;

beforeAll(async () => {
  account = await createTestAccount(world.prisma, world.sandbox);
  // 300 keys: every third Cloud; Default keys locked when used; every fifth never used; ages spread over a year.
  await world.prisma.apiKey.createMany({
    data: Array.from({ length: 300 }, (_, index) => ({
      accountId: account.accountId,
      name: `Key ${String(index).padStart(3, '0')}${index === 42 ? ' checkout' : ''}`,
      kind: index % 3 === 0 ? ('CLOUD' as const) : ('DEFAULT' as const),
      usageLabel: index % 3 === 0 ? ('CLOUD' as const) : ('DEFAULT' as const),
      fragment: `…${index.toString(16).padStart(4, '0')}`,
      secretFingerprint: `fingerprint-${index}`,
      origin: 'GENERATED' as const,
      createdAt: new Date(now.getTime() - (index + 1) * DAY),
      lastUsedAt: index % 5 === 0 ? null : new Date(now.getTime() - index * DAY * 0.2),
      lockedAt: index % 5 === 0 || index % 3 === 0 ? null : new Date(now.getTime() - index * DAY),
      useCount: index % 5 === 0 ? 0 : index * 7,
      refusedCount: index % 50 === 1 ? index : 0,
    })),
  });
  const keys = await world.prisma.apiKey.findMany({
    where: { accountId: account.accountId },
    select: { id: true, name: true },
  });
  await world.prisma.keyIp.createMany({
    data: keys.map((key) => ({
      keyId: key.id,
      address: `10.0.${Number(key.name.slice(4, 7)) >> 8}.${Number(key.name.slice(4, 7)) & 255}`,
      reason: 'FIRST_USE' as const,
    })),
  });
});

const list = (query: Partial<KeyListQuery>) =>
  listAccountKeys(serviceDeps(world.prisma, { now: () => now }), callOn(account), {
    ...DEFAULT_KEY_LIST_QUERY,
    ...query,
  });

describe('the keys list', () => {
  it('pages through every key exactly once', async () => {
    const seen = new Set<string>();
    for (let page = 1; page <= 6; page += 1) {
      const result = await list({ page, size: 50, sort: 'name', dir: 'asc' });
      expect(result.total).toBe(300);
      result.rows.forEach((row) => seen.add(row.id));
    }
    expect(seen.size).toBe(300);
  });

  it('shows the last page for a page past it, with a search too', async () => {
    const past = await list({ page: 7, size: 50, sort: 'name', dir: 'asc' });
    const last = await list({ page: 6, size: 50, sort: 'name', dir: 'asc' });
    expect(past.page).toBe(6);
    expect(past.rows.map((row) => row.id)).toEqual(last.rows.map((row) => row.id));
    const searched = await list({ q: 'checkout', page: 40 });
    expect(searched).toMatchObject({ page: 1, total: 1 });
    expect(searched.rows.map((row) => row.name)).toEqual(['Key 042 checkout']);
  });

  it('searches names, fragments and IP addresses', async () => {
    expect((await list({ q: 'checkout' })).rows.map((row) => row.name)).toEqual(['Key 042 checkout']);
    expect((await list({ q: 'CHECKOUT' })).total).toBe(1);
    expect((await list({ q: '00ff' })).rows.map((row) => row.name)).toEqual(['Key 255']);
    // 10.0.1.4 is key 260's address and the start of keys 296 to 299's (10.0.1.40 to 10.0.1.43).
    expect((await list({ q: '10.0.1.4' })).rows.map((row) => row.name)).toEqual([
      'Key 260',
      'Key 296',
      'Key 297',
      'Key 298',
      'Key 299',
    ]);
    // LIKE's wildcards are searched for literally.
    expect((await list({ q: '%' })).total).toBe(0);
    expect((await list({ q: '_' })).total).toBe(0);
  });

  it('filters by kind, lock state and idleness', async () => {
    const cloud = await list({ kind: 'CLOUD', size: 100 });
    expect(cloud.total).toBe(100);
    expect(cloud.rows.every((row) => row.kind === 'CLOUD' && row.lockedAt === null)).toBe(true);
    const awaiting = await list({ lock: 'awaiting', size: 100 });
    expect(awaiting.rows.every((row) => row.kind === 'DEFAULT' && row.lockedAt === null)).toBe(true);
    const locked = await list({ lock: 'locked', size: 100 });
    expect(awaiting.total + locked.total).toBe(200);
    const idle = await list({ idle: 'idle', size: 100 });
    const active = await list({ idle: 'active', size: 100 });
    // Keys 0, 5, ... 25 are younger than 30 days and never used: new, neither idle nor active.
    expect(idle.total + active.total).toBe(300 - 6);
    expect(
      active.rows.every((row) => row.lastUsedAt !== null && now.getTime() - Date.parse(row.lastUsedAt) < 30 * DAY),
    ).toBe(true);
    expect(idle.rows.every((row) => row.badges.some((badge) => badge.id === 'idle'))).toBe(true);
  });

  it.each(KEY_SORTS)('sorts by %s both ways, with keys lacking a value last', async (sort) => {
    const ascending = await list({ sort, dir: 'asc', size: 100 });
    const descending = await list({ sort, dir: 'desc', size: 100 });
    expect(ascending.rows).toHaveLength(100);
    const value = (row: (typeof ascending.rows)[number]) =>
      ({
        name: row.name,
        kind: row.kind,
        fragment: row.fragment,
        created: row.createdAt,
        lockedIps: row.lockedIps[0]?.address ?? null,
        lockState: row.kind === 'CLOUD' ? '2' : row.lockedAt === null ? '0' : `1${row.lockedAt}`,
        lastUsed: row.lastUsedAt,
        useCount: row.useCount,
        refusals: row.refusedCount,
      })[sort];
    const compare = (a: string | number, b: string | number) =>
      typeof a === 'number' && typeof b === 'number' ? a - b : a < b ? -1 : a > b ? 1 : 0;
    const isOrdered = (rows: typeof ascending.rows, direction: 1 | -1) =>
      rows.every((row, index) => {
        const previous = rows[index - 1];
        if (!previous) return true;
        const [a, b] = [value(previous), value(row)];
        // Keys without a value come last, whichever the direction.
        if (a === null || b === null) return b === null;
        return compare(a, b) * direction <= 0;
      });
    expect(isOrdered(ascending.rows, 1)).toBe(true);
    expect(isOrdered(descending.rows, -1)).toBe(true);
  });

  it('refuses users who are not members', async () => {
    await expect(
      listAccountKeys(serviceDeps(world.prisma), callOn(account, account.outsider), DEFAULT_KEY_LIST_QUERY),
    ).rejects.toThrow('not a member');
    expect(
      (
        await listAccountKeys(
          serviceDeps(world.prisma, { now: () => now }),
          callOn(account, account.support),
          DEFAULT_KEY_LIST_QUERY,
        )
      ).total,
    ).toBe(300);
  });
});
