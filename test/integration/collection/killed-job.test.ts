import crypto from 'node:crypto';
import { beforeAll, describe, expect, it } from 'vitest';
import { callWithKey, type TestAccount } from '@/test/integration/keys/keys-fixture';
import {
  COLLECTION_QUEUES,
  collectionWorld,
  waitFor,
  type WorkerProcess,
} from '@/test/integration/collection/support/collection-world';

/**
 * A worker killed (kill -9) in the middle of an account's collection: after it wrote the keys' usage (token_list)
 * and while sendSMS is slow to answer an IP list (token_list_ips). The other worker process retries the same job
 * (pg-boss notices the missed heartbeats), and the retry writes nothing twice: one snapshot per key for that
 * collection (UsageSnapshot unique on keyId and collectionId), and the uses made since the last collection counted
 * once in the key's hour and day.
 */

// A budget the three collections here never reach (two-workers.test.ts is about the budget), and patience with a
// slow sendSMS: worker A must still be waiting when it is killed.
const world = collectionWorld({ schema: 'collection_killed', budgetPerMinute: 100, timeoutMs: 90_000 });
const SECRET = `shop-${crypto.randomBytes(8).toString('hex')}`;
const USES_BEFORE = 20;

let account: TestAccount;
let first: WorkerProcess;

beforeAll(async () => {
  account = await world.createAccount([
    { name: 'Shop', kind: 'cloud', secret: SECRET, useCount: USES_BEFORE },
    { name: 'Server', kind: 'default' },
  ]);
  first = await world.startWorker('A');
});

/** Whether a collection of the account finished after `since`. */
async function collected(since: Date): Promise<boolean> {
  const state = await world.prisma.accountCollection.findUnique({ where: { accountId: account.accountId } });
  return state?.lastFinishedAt != null && state.lastFinishedAt > since;
}

describe('a worker killed during a collection', () => {
  it('leaves the job to the other process, which writes each snapshot once', { timeout: 90_000 }, async () => {
    // A first collection, so that the registry knows the keys and their counts.
    const started = new Date();
    const baseline = await world.send(
      COLLECTION_QUEUES.account,
      { accountId: account.accountId },
      { singletonKey: account.accountId },
    );
    await waitFor('the first collection', () => collected(started), 20_000, first.output);
    const shop = await world.prisma.apiKey.findFirstOrThrow({ where: { accountId: account.accountId, name: 'Shop' } });
    expect(shop.useCount).toBe(USES_BEFORE);

    // Three uses at sendSMS; then the usage cadence and the IP lists' age pass, as the clock would move them. The
    // account is not due for the schedule meanwhile: only the job below collects it.
    for (let use = 0; use < 3; use += 1) expect((await callWithKey(world.sandbox, account, SECRET)).status).toBe(0);
    const now = Date.now();
    await world.prisma.accountCollection.update({
      where: { accountId: account.accountId },
      data: { nextRunAt: new Date(now + 3_600_000), lastUsageAt: new Date(now - 180_000) },
    });
    await world.prisma.apiKey.updateMany({
      where: { accountId: account.accountId },
      data: { ipsFetchedAt: new Date(now - 11 * 60_000) },
    });

    // sendSMS answers the usage at once, then turns slow: the IP list that follows hangs.
    world.proxy.beforeAnswer = async (call) => {
      if (call.action !== 'token_list' || call.username !== account.username) return;
      world.proxy.beforeAnswer = null;
      await world.sandbox.control.setFaults(account.username, { slowMs: 60_000 });
    };
    const callsBefore = world.proxy.calls.length;
    const collectionId = await world.send(
      COLLECTION_QUEUES.account,
      { accountId: account.accountId },
      { singletonKey: account.accountId },
    );
    await waitFor(
      'worker A to be waiting on an IP list',
      () => world.proxy.calls.slice(callsBefore).some((call) => call.action === 'token_list_ips'),
      20_000,
      first.output,
    );
    // Worker A wrote the usage of this collection before it hung.
    const written = await world.prisma.usageSnapshot.findMany({ where: { collectionId } });
    expect(written).toHaveLength(2);

    // The other process starts, and A dies mid-call.
    const second = await world.startWorker('B');
    first.child.kill('SIGKILL');
    expect(await first.exited).toEqual({ code: null, signal: 'SIGKILL' });
    const killedAt = new Date();
    await world.sandbox.control.setFaults(account.username, {});

    const job = await waitFor(
      'worker B to finish the job A held',
      async () => {
        const row = (await world.jobs(COLLECTION_QUEUES.account)).find((candidate) => candidate.id === collectionId);
        return row?.state === 'completed' ? row : undefined;
      },
      60_000,
      () => `--- A:\n${first.output()}\n--- B:\n${second.output()}`,
    );
    // The same job (the same collection) again, not a new one: it was retried.
    expect(job.retryCount).toBeGreaterThanOrEqual(1);
    expect(await collected(killedAt)).toBe(true);
    const usageCalls = world.proxy.calls.slice(callsBefore).filter((call) => call.action === 'token_list');
    expect(usageCalls).toHaveLength(2);
    expect(usageCalls[1]!.receivedAt).toBeGreaterThan(killedAt.getTime());

    // One snapshot per key for that collection, with the count after the three uses.
    const snapshots = await world.prisma.usageSnapshot.findMany({
      where: { key: { accountId: account.accountId } },
      orderBy: { takenAt: 'asc' },
    });
    expect(snapshots.filter((snapshot) => snapshot.collectionId === baseline)).toHaveLength(2);
    const ofRetried = snapshots.filter((snapshot) => snapshot.collectionId === collectionId);
    expect(ofRetried).toHaveLength(2);
    expect(snapshots).toHaveLength(4);
    expect(ofRetried.find((snapshot) => snapshot.keyId === shop.id)?.useCount).toBe(USES_BEFORE + 3);
    // The snapshot is the one A wrote: the retry left it as it was.
    expect(ofRetried.map((snapshot) => snapshot.id).sort()).toEqual(written.map((snapshot) => snapshot.id).sort());

    // The three uses are counted once, not once per attempt.
    expect((await world.prisma.apiKey.findUniqueOrThrow({ where: { id: shop.id } })).useCount).toBe(USES_BEFORE + 3);
    const days = await world.prisma.usageDay.aggregate({ where: { keyId: shop.id }, _sum: { uses: true } });
    const hours = await world.prisma.usageHour.aggregate({ where: { keyId: shop.id }, _sum: { uses: true } });
    expect(days._sum.uses).toBe(3);
    expect(hours._sum.uses).toBe(3);

    // The retry finished what A left: both IP lists fetched, no failure recorded.
    const keys = await world.prisma.apiKey.findMany({ where: { accountId: account.accountId } });
    for (const key of keys) expect(key.ipsFetchedAt!.getTime()).toBeGreaterThan(killedAt.getTime());
    expect(await world.prisma.accountCollection.findUnique({ where: { accountId: account.accountId } })).toMatchObject({
      failureCount: 0,
      lastProblem: null,
    });
    expect(second.child.exitCode).toBeNull();
  });
});
