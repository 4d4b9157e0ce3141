import { beforeAll, describe, expect, it } from 'vitest';
import { createKeyListCache } from '@/lib/keys/list-cache';
import { DEFAULT_KEY_LIST_QUERY } from '@/lib/keys/list-query';
import { listAccountKeys } from '@/lib/keys/list-service';
import { createTestAccount, serviceDeps, keysWorld, type TestAccount } from '@/test/integration/keys/keys-fixture';
import { callOn } from '@/test/integration/keys/key-calls';

/**
 * The keys list keeps pages under Account."keysVersion", which database triggers move on every change to the
 * account's keys and their IP lists. These tests change keys the way another process (or a person at psql) would,
 * straight in the database, and expect the next list to show it.
 */

const world = keysWorld();
let account: TestAccount;
let other: TestAccount;

beforeAll(async () => {
  account = await createTestAccount(world.prisma, world.sandbox);
  other = await createTestAccount(world.prisma, world.sandbox);
});

let serial = 0;
async function insertKey(accountId: string, name: string) {
  serial += 1;
  return world.prisma.apiKey.create({
    data: {
      accountId,
      name,
      kind: 'DEFAULT',
      usageLabel: 'DEFAULT',
      fragment: `…c${serial}`,
      secretFingerprint: `cache-${serial}-${Math.random()}`,
      origin: 'GENERATED',
    },
  });
}

async function keysVersion(accountId: string): Promise<bigint> {
  return (await world.prisma.account.findUniqueOrThrow({ where: { id: accountId }, select: { keysVersion: true } }))
    .keysVersion;
}

describe("the account's keys version", () => {
  it('moves with every change to its keys and their IPs, and only for that account', async () => {
    const steps: Array<[string, () => Promise<unknown>]> = [];
    const key = await insertKey(account.accountId, 'Versioned');
    steps.push(['rename', () => world.prisma.apiKey.update({ where: { id: key.id }, data: { name: 'Versioned 2' } })]);
    steps.push([
      'add an IP',
      () => world.prisma.keyIp.create({ data: { keyId: key.id, address: '203.0.113.50', reason: 'FIRST_USE' } }),
    ]);
    steps.push([
      'touch the IP',
      () => world.prisma.keyIp.updateMany({ where: { keyId: key.id }, data: { fetchedAt: new Date() } }),
    ]);
    steps.push(['remove the IP', () => world.prisma.keyIp.deleteMany({ where: { keyId: key.id } })]);
    steps.push(['delete the key', () => world.prisma.apiKey.delete({ where: { id: key.id } })]);
    steps.push(['add a key', () => insertKey(account.accountId, 'Another')]);
    // A change sent to sendSMS whose outcome is being checked is on the list too.
    steps.push([
      'open a change',
      () =>
        world.prisma.upstreamChange.create({
          data: { accountId: account.accountId, action: 'TOKEN_GENERATE', params: { name: 'Pending' } },
        }),
    ]);
    steps.push([
      'settle it',
      () =>
        world.prisma.upstreamChange.updateMany({
          where: { accountId: account.accountId },
          data: { state: 'SUCCEEDED', resolvedAt: new Date() },
        }),
    ]);

    const otherBefore = await keysVersion(other.accountId);
    for (const [step, change] of steps) {
      const before = await keysVersion(account.accountId);
      await change();
      expect(await keysVersion(account.accountId), step).toBeGreaterThan(before);
    }
    expect(await keysVersion(other.accountId)).toBe(otherBefore);
  });

  it('moves when a transaction commits, not before', async () => {
    const key = await insertKey(account.accountId, 'In a transaction');
    const before = await keysVersion(account.accountId);
    await world.prisma.$transaction(async (tx) => {
      await tx.apiKey.update({ where: { id: key.id }, data: { name: 'Renamed in a transaction' } });
      // Another connection still sees the old version while the change is not committed.
      expect(await keysVersion(account.accountId)).toBe(before);
    });
    expect(await keysVersion(account.accountId)).toBeGreaterThan(before);
  });
});

describe('the keys list with its cache', () => {
  it('answers from memory between changes, and shows a change made elsewhere on the next request', async () => {
    const cached = await createTestAccount(world.prisma, world.sandbox);
    const key = await insertKey(cached.accountId, 'Before');
    const deps = { ...serviceDeps(world.prisma), listCache: createKeyListCache() };
    const list = async () =>
      (await listAccountKeys(deps, callOn(cached), { ...DEFAULT_KEY_LIST_QUERY })).rows.map((row) => row.name);

    expect(await list()).toEqual(['Before']);

    // With triggers switched off for one statement (as only a superuser can), the version stays put: the page comes
    // from memory and still says "Before". This is how the test knows the cache answers at all.
    await world.prisma.$transaction(async (tx) => {
      await tx.$executeRawUnsafe(`SET LOCAL session_replication_role = replica`);
      await tx.apiKey.update({ where: { id: key.id }, data: { name: 'Unseen' } });
    });
    expect(await list()).toEqual(['Before']);

    await world.prisma.apiKey.update({ where: { id: key.id }, data: { name: 'After' } });
    expect(await list()).toEqual(['After']);

    await world.prisma.keyIp.create({ data: { keyId: key.id, address: '198.51.100.77', reason: 'WHITELISTED' } });
    const rows = (await listAccountKeys(deps, callOn(cached), { ...DEFAULT_KEY_LIST_QUERY })).rows;
    expect(rows[0]!.lockedIps.map((ip) => ip.address)).toEqual(['198.51.100.77']);
  });
});
