import { describe, expect, it } from 'vitest';
import { authorizeKeyIp } from '@/lib/keys/authorize-ip-service';
import { getKeyDetail } from '@/lib/keys/detail-service';
import { listAccountKeys } from '@/lib/keys/list-service';
import { DEFAULT_KEY_LIST_QUERY } from '@/lib/keys/list-query';
import { refreshAccountKeys } from '@/lib/keys/refresh-service';
import { openRefusedCalls } from '@/lib/keys/refused-calls';
import { rangeWindow } from '@/lib/usage/usage-range';
import { usageSeries } from '@/lib/usage/usage-service';
import { keysWorld, cloudKey, accountWithKey, callWithKey } from '@/test/integration/keys/keys-fixture';
import { callOn, callOnKey } from '@/test/integration/keys/key-calls';

/**
 * The provider's guide, through the services: generate a Default key, lock it by its first use, see a refused
 * call, authorize the refused address, and see both addresses, the last use and the use count. Then a Cloud key.
 */

const world = keysWorld();

describe('the guide: a Default key', () => {
  it('locks to its first caller, shows a refused call, and accepts the address once authorized', async () => {
    const { account, deps, generated } = await accountWithKey(world);
    expect(generated.via).toBe('token_generate');
    expect(generated.secret).toMatch(/^[0-9a-f]{32}$/);
    expect(generated.key).toMatchObject({
      name: 'API Key Test',
      kind: 'DEFAULT',
      lockedAt: null,
      lockedIps: [],
      useCount: null,
      fragment: `…${generated.secret.slice(-4)}`,
    });
    // Stored encrypted, never in clear, and never handed out again.
    const stored = await world.prisma.apiKey.findUniqueOrThrow({ where: { id: generated.key.id } });
    expect(stored.secretCiphertext).not.toContain(generated.secret);
    const detail = await getKeyDetail(deps, account.admin, account.accountId, generated.key.id);
    expect(JSON.stringify(detail)).not.toContain(generated.secret);

    const call = (ip: string) => callWithKey(world.sandbox, account, generated.secret, ip);
    expect((await call('203.0.113.7')).status).toBe(0);
    await refreshAccountKeys(deps, account.admin, account.accountId, { trigger: 'manual' });
    let row = (await listAccountKeys(deps, callOn(account), DEFAULT_KEY_LIST_QUERY)).rows[0]!;
    expect(row.lockedIps.map((ip) => [ip.address, ip.reason])).toEqual([['203.0.113.7', 'FIRST_USE']]);
    expect(row.lockedAt).not.toBeNull();

    expect((await call('198.51.100.20')).status).toBe(-8);
    await refreshAccountKeys(deps, account.admin, account.accountId, { trigger: 'manual' });
    row = (await listAccountKeys(deps, callOn(account), DEFAULT_KEY_LIST_QUERY)).rows[0]!;
    expect(row).toMatchObject({ refusedCount: 1, lastRefusedIp: '198.51.100.20', useCount: 1 });
    expect(row.badges[0]).toMatchObject({ id: 'refused', tone: 'danger', count: 1, lastRefusedIp: '198.51.100.20' });
    // The key page lists the refusal per address: where, when first and last, how many.
    expect((await call('198.51.100.20')).status).toBe(-8);
    expect((await call('192.0.2.99')).status).toBe(-8);
    await refreshAccountKeys(deps, account.admin, account.accountId, { trigger: 'manual' });
    const refused = await getKeyDetail(deps, account.admin, account.accountId, row.id);
    expect(refused.refusedCalls?.map((call) => [call.address, call.count])).toEqual(
      expect.arrayContaining([
        ['198.51.100.20', 2],
        ['192.0.2.99', 1],
      ]),
    );
    const first = refused.refusedCalls!.find((call) => call.address === '198.51.100.20')!;
    expect(Date.parse(first.firstAt)).toBeLessThan(Date.parse(first.lastAt));

    const authorized = await authorizeKeyIp(deps, callOnKey(account, row.id), { ip: '198.51.100.20' });
    // The cache changes at once, without waiting for a refresh.
    expect(authorized.lockedIps.map((ip) => [ip.address, ip.reason])).toEqual([
      ['203.0.113.7', 'FIRST_USE'],
      ['198.51.100.20', 'WHITELISTED'],
    ]);

    expect((await call('198.51.100.20')).status).toBe(0);
    await refreshAccountKeys(deps, account.admin, account.accountId, { trigger: 'manual', keyId: row.id });
    const after = await getKeyDetail(deps, account.admin, account.accountId, row.id);
    expect(after.key.lockedIps.map((ip) => ip.address)).toEqual(['203.0.113.7', '198.51.100.20']);
    expect(after.key.useCount).toBe(2);
    // sendSMS keeps the record of the refusals; the page leaves the authorized address out of the open ones.
    expect(after.refusedCalls?.map((call) => call.address)).toContain('198.51.100.20');
    expect(openRefusedCalls(after.refusedCalls!, after.key).map((call) => call.address)).toEqual(['192.0.2.99']);
    expect(after.key.lastUsedAt).not.toBeNull();
    // Each refresh that saw the count grow added the growth to the hour's uses: the key page's chart.
    const series = await usageSeries(world, rangeWindow('24h', new Date()), { accounts: 'every', keyId: row.id });
    expect(series.total).toBe(2);
    expect(series.points.at(-1)!.uses).toBe(2);
    expect(after.auditTrail!.map((event) => `${event.action}:${event.outcome}`)).toEqual(
      expect.arrayContaining(['key.generate:success', 'ip.authorize:success', 'keys.refresh:success']),
    );
    // The audit log never holds the secret.
    const audit = await world.prisma.auditEvent.findMany({ where: { accountId: account.accountId } });
    expect(JSON.stringify(audit, (_, value) => (typeof value === 'bigint' ? value.toString() : value))).not.toContain(
      generated.secret,
    );
  });
});

describe('the guide: a Cloud key', () => {
  it('accepts calls from three IPs and shows only the first, as informative', async () => {
    const { account, deps, generated } = await accountWithKey(world, cloudKey('Mobile fleet'));
    for (const ip of ['192.0.2.1', '192.0.2.2', '192.0.2.3']) {
      expect((await callWithKey(world.sandbox, account, generated.secret, ip)).status).toBe(0);
    }
    await refreshAccountKeys(deps, account.admin, account.accountId, { trigger: 'manual', keyId: generated.key.id });
    const detail = await getKeyDetail(deps, account.admin, account.accountId, generated.key.id);
    expect(detail.key.lockedIps).toEqual([
      expect.objectContaining({ address: '192.0.2.1', reason: 'FIRST_SEEN', informative: true }),
    ]);
    expect(detail.key).toMatchObject({ useCount: 3, lockedAt: null });
    await expect(authorizeKeyIp(deps, callOnKey(account, generated.key.id), { ip: '192.0.2.9' })).rejects.toMatchObject(
      { code: 'invalid', httpStatus: 422 },
    );
  });
});
