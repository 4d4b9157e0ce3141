import { describe, expect, it } from 'vitest';
import { getKeyDetail } from '@/lib/keys/detail-service';
import { generateApiKey } from '@/lib/keys/generate-service';
import { listAccountKeys } from '@/lib/keys/list-service';
import { DEFAULT_KEY_LIST_QUERY } from '@/lib/keys/list-query';
import { refreshAccountKeys } from '@/lib/keys/refresh-service';
import {
  createTestAccount,
  serviceDeps,
  keysWorld,
  defaultKey,
  callWithKey,
} from '@/test/integration/keys/keys-fixture';
import { callOn } from '@/test/integration/keys/key-calls';

/** Refreshing from sendSMS: keys made on the hub appear, the budget holds, and a down sendSMS loses nothing. */

const world = keysWorld();

describe('refresh', () => {
  it('spends only the background share of the budget when nobody asked, and leaves the rest to people', async () => {
    const account = await createTestAccount(
      world.prisma,
      world.sandbox,
      Array.from({ length: 12 }, (_, index) => ({ name: `Hub key ${index}`, kind: 'cloud' as const })),
    );
    const deps = serviceDeps(world.prisma);
    const report = await refreshAccountKeys(deps, null, account.accountId, { trigger: 'background' });
    // 7 of the 10 calls a minute: token_list, then 6 IP lists; the other 6 wait for the next collection.
    expect(report).toMatchObject({ usage: 'fetched', ipsFetched: 6, ipsDeferred: 6, budgetPerMinute: 7 });
    const manual = await refreshAccountKeys(deps, account.admin, account.accountId, { trigger: 'manual' });
    // The person's refresh finds the 3 calls left: token_list and 2 of the 6 IP lists still due.
    expect(manual).toMatchObject({ usage: 'fetched', ipsFetched: 2, ipsDeferred: 4, budgetPerMinute: 10 });
  });

  it('adds keys made on the hub, with their usage, IPs and a snapshot', async () => {
    const account = await createTestAccount(world.prisma, world.sandbox, [
      { name: 'Hub key', kind: 'default', ips: ['192.0.2.60'] },
    ]);
    const deps = serviceDeps(world.prisma);
    const report = await refreshAccountKeys(deps, account.admin, account.accountId, { trigger: 'manual' });
    expect(report).toMatchObject({ usage: 'fetched', problems: [] });
    const list = await listAccountKeys(deps, callOn(account), DEFAULT_KEY_LIST_QUERY);
    expect(list.rows).toEqual([
      expect.objectContaining({
        name: 'Hub key',
        origin: 'LISTED',
        upstreamName: 'Hub key',
        useCount: 0,
        lockedIps: [expect.objectContaining({ address: '192.0.2.60' })],
      }),
    ]);
    expect(list.freshness).toMatchObject({ usageReported: true, stale: false, lastProblem: null });
    expect(await world.prisma.usageSnapshot.count({ where: { keyId: list.rows[0]!.id } })).toBe(1);
  });

  it('without token_list, keeps the registry and says usage is not reported', async () => {
    const account = await createTestAccount(world.prisma, world.sandbox);
    const deps = serviceDeps(world.prisma);
    await world.sandbox.control.setFaults(account.username, { unsupported: ['token_list', 'token_generate'] });
    const generated = await generateApiKey(deps, callOn(account), defaultKey('Registry only'));
    await callWithKey(world.sandbox, account, generated.secret, '203.0.113.70');
    const report = await refreshAccountKeys(deps, account.admin, account.accountId, {
      trigger: 'manual',
      keyId: generated.key.id,
    });
    expect(report).toMatchObject({ usage: 'not-reported', ipsFetched: 1 });
    const list = await listAccountKeys(deps, callOn(account), DEFAULT_KEY_LIST_QUERY);
    expect(list.freshness.usageReported).toBe(false);
    expect(list.rows[0]).toMatchObject({
      useCount: null,
      lockedIps: [expect.objectContaining({ address: '203.0.113.70', reason: 'FIRST_USE' })],
    });
  });

  it('when sendSMS is down, keeps every cached value and says how old the data is', async () => {
    const account = await createTestAccount(world.prisma, world.sandbox, [
      { name: 'Busy key', kind: 'default', ips: ['192.0.2.80', '192.0.2.81'] },
    ]);
    const deps = serviceDeps(world.prisma);
    await refreshAccountKeys(deps, account.admin, account.accountId, { trigger: 'manual' });
    const before = await listAccountKeys(deps, callOn(account), DEFAULT_KEY_LIST_QUERY);

    for (const faults of [
      { reset: true },
      { httpStatus: 503 },
      { nonJson: true },
      { unknownShape: true },
      { status: -16 },
    ]) {
      await world.sandbox.control.setFaults(account.username, faults);
      const report = await refreshAccountKeys(deps, account.admin, account.accountId, {
        trigger: 'manual',
        keyId: before.rows[0]!.id,
      });
      expect(report.usage, JSON.stringify(faults)).toBe('failed');
      expect(report.problems[0]!.message.length).toBeGreaterThan(10);
      // What failed is data the page words in the reader's language, from the refresh and read back from the log.
      const { condition } = report.problems[0]!;
      expect(condition, JSON.stringify(faults)).not.toBeNull();
      const after = await listAccountKeys(deps, callOn(account), DEFAULT_KEY_LIST_QUERY);
      // Badges are worked out at read time; everything that came from sendSMS must be exactly as before.
      expect(after.rows.map((row) => ({ ...row, badges: [] }))).toEqual(
        before.rows.map((row) => ({ ...row, badges: [] })),
      );
      expect(after.freshness).toMatchObject({
        stale: true,
        usageFetchedAt: before.freshness.usageFetchedAt,
        lastProblem: { part: 'usage', condition, message: report.problems[0]!.message },
      });
    }
    await world.sandbox.control.setFaults(account.username, {});
    await refreshAccountKeys(deps, account.admin, account.accountId, { trigger: 'manual' });
    expect((await listAccountKeys(deps, callOn(account), DEFAULT_KEY_LIST_QUERY)).freshness).toMatchObject({
      stale: false,
      lastProblem: null,
    });
    expect(
      await world.prisma.auditEvent.count({
        where: { accountId: account.accountId, action: 'keys.refresh', outcome: 'failure' },
      }),
    ).toBe(5);
  });

  it('never spends more than 10 non-billable calls a minute on one account, however many IP lists are due', async () => {
    const keys = Array.from({ length: 25 }, (_, index) => ({
      name: `Key ${index}`,
      kind: 'default' as const,
      ips: [`192.0.2.${index + 1}`],
    }));
    const account = await createTestAccount(world.prisma, world.sandbox, keys);
    const deps = serviceDeps(world.prisma);
    const first = await refreshAccountKeys(deps, account.admin, account.accountId, { trigger: 'manual' });
    // token_list took one slot; nine IP lists fit in the rest, the others wait.
    expect(first).toMatchObject({ usage: 'fetched', ipsFetched: 9, ipsDeferred: 16, budgetPerMinute: 10 });
    const second = await refreshAccountKeys(deps, account.admin, account.accountId, { trigger: 'manual' });
    expect(second).toMatchObject({ usage: 'failed', ipsFetched: 0 });
    expect(second.problems[0]!.message).toContain('10 queries a minute');
    expect(second.problems[0]!.condition).toMatchObject({ code: 'budget', perMinute: 10, nothingChanged: true });
    const calls = await world.prisma.upstreamCall.count({
      where: { username: account.username, calledAt: { gt: new Date(Date.now() - 61_000) } },
    });
    expect(calls).toBe(10);
    // And the keys not yet asked about keep what token_list said.
    const list = await listAccountKeys(deps, callOn(account), {
      ...DEFAULT_KEY_LIST_QUERY,
      size: 100,
    });
    expect(list.rows.every((row) => row.lockedIps.length === 1)).toBe(true);
  });

  it('a key page of another account is not found, and support sees no secret anywhere', async () => {
    const account = await createTestAccount(world.prisma, world.sandbox);
    const other = await createTestAccount(world.prisma, world.sandbox);
    const deps = serviceDeps(world.prisma);
    const generated = await generateApiKey(deps, callOn(account), defaultKey('Mine'));
    await expect(getKeyDetail(deps, other.admin, other.accountId, generated.key.id)).rejects.toMatchObject({
      code: 'not-found',
      httpStatus: 404,
    });
    const asSupport = await getKeyDetail(deps, account.support, account.accountId, generated.key.id);
    expect(JSON.stringify(asSupport)).not.toContain(generated.secret);
    const asLead = await getKeyDetail(deps, account.lead, account.accountId, generated.key.id);
    expect(asLead.auditTrail).toBeNull();
    expect(asLead.auditDeniedReason).toContain('team lead');
  });
});
