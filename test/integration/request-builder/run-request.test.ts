import { describe, expect, it } from 'vitest';
import { encryptSecret } from '@/lib/crypto';
import { getKeyDetail } from '@/lib/keys/detail-service';
import { builderHistory } from '@/lib/request-builder/history';
import { runBuilderRequest } from '@/lib/request-builder/run-request';
import {
  credentialsKey,
  keysWorld,
  accountWithKey,
  callWithKey,
  serviceDeps,
} from '@/test/integration/keys/keys-fixture';

/** "Test request" through the server, against a sandbox: what the page shows, what the database holds after. */

const world = keysWorld();

/** A fresh account with one Default key its admin generated: the key, its secret, and the services' deps. */
async function accountWithOneKey() {
  const { account, deps, generated } = await accountWithKey(world);
  return { account, deps, key: generated.key, secret: generated.secret };
}

describe('the Request Builder', () => {
  it('runs the guide: token_add_ip for a chosen key, the result at once, the IP on the key and in the audit log', async () => {
    const { account, deps, key, secret } = await accountWithOneKey();
    expect((await callWithKey(world.sandbox, account, secret, '203.0.113.7')).status).toBe(0);
    expect((await callWithKey(world.sandbox, account, secret, '198.51.100.20')).status).toBe(-8);

    const result = await runBuilderRequest(deps, account.admin, account.accountId, {
      action: 'token_add_ip',
      keyId: key.id,
      params: { ipaddr: ' 198.51.100.20 ' },
    });
    expect(result).toMatchObject({
      action: 'token_add_ip',
      ok: true,
      status: 0,
      meaning: { en: 'The request succeeded.' },
    });
    expect(result.durationMs).toBeGreaterThan(0);
    expect(result.preview.url).toBe(
      `${world.sandbox.url}?action=token_add_ip&username=${account.username}&password=<PASSWORD_OR_API_KEY>&token=<API_KEY>&ipaddr=198.51.100.20`,
    );
    expect(result.lockedIps?.map((ip) => ip.address)).toContain('198.51.100.20');
    expect(result.warnings).toEqual([
      expect.stringMatching(/198\.51\.100\.20 is in a range reserved for documentation/),
    ]);
    expect(JSON.stringify(result)).not.toContain(secret);
    expect(JSON.stringify(result)).not.toContain(account.password);

    // Takes effect at once, upstream and in the dashboard's cache.
    expect((await callWithKey(world.sandbox, account, secret, '198.51.100.20')).status).toBe(0);
    const detail = await getKeyDetail(deps, account.admin, account.accountId, key.id);
    expect(detail.key.lockedIps.map((ip) => ip.address)).toContain('198.51.100.20');
    const runs = await world.prisma.auditEvent.findMany({
      where: { accountId: account.accountId, action: 'request.run' },
    });
    expect(runs).toHaveLength(1);
    expect(runs[0]).toMatchObject({
      keyId: key.id,
      outcome: 'success',
      upstreamStatus: 0,
      actorRole: 'ADMIN',
      params: { request: 'token_add_ip', ipaddr: '198.51.100.20' },
    });
  });

  it("words a parameter's warning in the caller's language", async () => {
    const { account, deps, key, secret } = await accountWithOneKey();
    expect((await callWithKey(world.sandbox, account, secret, '203.0.113.7')).status).toBe(0);
    const run = (ip: string, locale: 'en' | 'ro') =>
      runBuilderRequest(
        deps,
        account.admin,
        account.accountId,
        { action: 'token_add_ip', keyId: key.id, params: { ipaddr: ip } },
        {},
        locale,
      );
    const romanian = await run('10.1.2.3', 'ro');
    expect(romanian.ok).toBe(true);
    expect(romanian.warnings).toEqual([
      expect.stringMatching(/^sendSMS vede adresa publică.*10\.1\.2\.3.*\(10\.0\.0\.0\/8\)/),
    ]);
    const english = await run('192.168.7.8', 'en');
    expect(english.warnings).toEqual([
      expect.stringMatching(/^sendSMS sees the public address.*192\.168\.7\.8 is a private address/),
    ]);
    expect((await run('198.51.100.44', 'ro')).warnings).toEqual([expect.stringMatching(/rezervat documentației/)]);
    // A public address: nothing to warn of.
    expect((await run('8.8.4.4', 'ro')).warnings).toEqual([]);
  });

  it('shows an upstream refusal with its meaning, and changes nothing but the audit log', async () => {
    const { account, deps, key } = await accountWithOneKey();
    // The account's stored password no longer works (it expired on the hub, say).
    await world.prisma.account.update({
      where: { id: account.accountId },
      data: { credentialCiphertext: encryptSecret('wrong-password', credentialsKey) },
    });
    const result = await runBuilderRequest(deps, account.admin, account.accountId, {
      action: 'token_add_ip',
      keyId: key.id,
      params: { ipaddr: '203.0.113.9' },
    });
    expect(result).toMatchObject({ ok: false, status: -8 });
    expect(result.meaning.en).toMatch(/sendSMS refused the credentials/);
    expect(result.meaning.ro).toMatch(/sendSMS a refuzat/);
    const detail = await getKeyDetail(deps, account.admin, account.accountId, key.id);
    expect(detail.key.lockedIps).toEqual([]);
    const runs = await world.prisma.auditEvent.findMany({
      where: { accountId: account.accountId, action: 'request.run' },
    });
    expect(runs.map((run) => [run.outcome, run.upstreamStatus])).toEqual([['failure', -8]]);
  });

  it('runs read-only requests and masks every secret in what it shows', async () => {
    const { account, deps, key, secret } = await accountWithOneKey();
    const balance = await runBuilderRequest(deps, account.support, account.accountId, { action: 'user_get_balance' });
    expect(balance).toMatchObject({ ok: true, status: 0 });
    expect(typeof balance.details).toBe('number');

    const listed = await runBuilderRequest(deps, account.admin, account.accountId, { action: 'token_list' });
    expect(listed.ok).toBe(true);
    expect(JSON.stringify(listed)).not.toContain(secret);

    const ips = await runBuilderRequest(deps, account.support, account.accountId, {
      action: 'token_list_ips',
      keyId: key.id,
    });
    expect(ips).toMatchObject({ ok: true, status: 0, details: [] });
  });

  it('refuses what the role may not run, a malformed address, and an unknown request, before calling sendSMS', async () => {
    const { account, deps, key } = await accountWithOneKey();
    await expect(
      runBuilderRequest(deps, account.support, account.accountId, {
        action: 'token_add_ip',
        keyId: key.id,
        params: { ipaddr: '203.0.113.9' },
      }),
    ).rejects.toMatchObject({ code: 'forbidden', httpStatus: 403 });
    await expect(
      runBuilderRequest(deps, account.lead, account.accountId, { action: 'token_list_ips', keyId: key.id }),
    ).rejects.toMatchObject({ code: 'forbidden', httpStatus: 403 });
    await expect(
      runBuilderRequest(deps, account.outsider, account.accountId, { action: 'user_get_balance' }),
    ).rejects.toMatchObject({ code: 'forbidden', httpStatus: 403 });
    await expect(
      runBuilderRequest(deps, account.admin, account.accountId, {
        action: 'token_add_ip',
        keyId: key.id,
        params: { ipaddr: '300.1.2.3' },
      }),
    ).rejects.toThrow(/^"300" is more than 255/);
    await expect(
      runBuilderRequest(deps, account.admin, account.accountId, { action: 'token_add_ip', keyId: key.id, params: {} }),
    ).rejects.toThrow(/ipaddr is required/);
    await expect(
      runBuilderRequest(deps, account.admin, account.accountId, { action: 'token_delete' }),
    ).rejects.toMatchObject({ code: 'invalid', httpStatus: 422 });
    await expect(
      runBuilderRequest(deps, account.admin, account.accountId, { action: 'token_list_ips' }),
    ).rejects.toThrow(/Pick the API key/);
    // Nothing reached sendSMS: no run was recorded as made.
    expect(
      await world.prisma.auditEvent.count({ where: { accountId: account.accountId, action: 'request.run' } }),
    ).toBe(0);
  });
});

describe('the builder history', () => {
  it('lists the runs newest first, with what is needed to run them again, only for accounts the user may see', async () => {
    const { account, deps, key } = await accountWithOneKey();
    await runBuilderRequest(deps, account.admin, account.accountId, { action: 'user_get_balance' });
    await runBuilderRequest(deps, account.admin, account.accountId, {
      action: 'token_add_ip',
      keyId: key.id,
      params: { ipaddr: '203.0.113.44' },
    });

    const history = await builderHistory({ prisma: world.prisma }, account.admin);
    expect(history.slice(0, 2)).toMatchObject([
      {
        action: 'token_add_ip',
        keyId: key.id,
        keyName: 'API Key Test',
        params: { ipaddr: '203.0.113.44' },
        outcome: 'success',
        upstreamStatus: 0,
        actorEmail: account.admin.email,
      },
      { action: 'user_get_balance', keyId: null, params: {}, outcome: 'success' },
    ]);
    expect(
      (await builderHistory({ prisma: world.prisma }, account.outsider)).filter(
        (entry) => entry.accountId === account.accountId,
      ),
    ).toEqual([]);
    expect(
      (await builderHistory({ prisma: world.prisma }, account.support, 100)).some(
        (entry) => entry.accountId === account.accountId,
      ),
    ).toBe(true);
  });
});

describe('failed runs', () => {
  /** The account's `request.run` rows as the history lists them. */
  const historyOf = async (accountId: string, actor: Parameters<typeof builderHistory>[1]) =>
    (await builderHistory({ prisma: world.prisma }, actor, 100)).filter((entry) => entry.accountId === accountId);

  it('records a run that timed out, and shows it with its meaning in English and Romanian', async () => {
    const { account } = await accountWithOneKey();
    const impatient = serviceDeps(world.prisma, { timeoutMs: 300 });
    await world.sandbox.control.setFaults(account.username, { slowMs: 1_200 });
    try {
      const result = await runBuilderRequest(impatient, account.admin, account.accountId, {
        action: 'user_get_balance',
      });
      expect(result).toMatchObject({ ok: false, status: null });
      expect(result.meaning.en).toMatch(/did not answer within 0.3 seconds/);
      expect(result.meaning.ro).toMatch(/nu a răspuns în 0.3 secunde/);
    } finally {
      await world.sandbox.control.setFaults(account.username, {});
    }
    expect(await historyOf(account.accountId, account.admin)).toMatchObject([
      { action: 'user_get_balance', outcome: 'failure', upstreamStatus: null, failure: 'timeout', params: {} },
    ]);
  });

  it("records the runs the dashboard's budget refused, token_add_ip included, before refusing them", async () => {
    const { account, key } = await accountWithOneKey();
    // One query a minute, shared with every earlier call on the account (the key's generation among them).
    const frugal = serviceDeps(world.prisma, { budget: { limit: 1, windowMs: 60_000 } });
    await expect(
      runBuilderRequest(frugal, account.admin, account.accountId, { action: 'user_get_balance' }),
    ).rejects.toMatchObject({ kind: 'budget' });
    await expect(
      runBuilderRequest(frugal, account.admin, account.accountId, {
        action: 'token_add_ip',
        keyId: key.id,
        params: { ipaddr: '203.0.113.61' },
      }),
    ).rejects.toMatchObject({ code: 'rate-limited', httpStatus: 429 });

    const history = await historyOf(account.accountId, account.admin);
    expect(history).toMatchObject([
      {
        action: 'token_add_ip',
        outcome: 'failure',
        upstreamStatus: null,
        failure: 'budget',
        params: { ipaddr: '203.0.113.61' },
        sendAs: 'account',
      },
      { action: 'user_get_balance', outcome: 'failure', upstreamStatus: null, failure: 'budget', sendAs: null },
    ]);
  });

  it('records the Default-key trap as a run not sent, and lists an upstream refusal with its status', async () => {
    const { account, deps, key } = await accountWithOneKey();
    await expect(
      runBuilderRequest(deps, account.admin, account.accountId, {
        action: 'token_list_ips',
        keyId: key.id,
        sendAs: 'key',
      }),
    ).rejects.toMatchObject({ kind: 'default-key-first-use' });
    await world.prisma.account.update({
      where: { id: account.accountId },
      data: { credentialCiphertext: encryptSecret('wrong-password', credentialsKey) },
    });
    await runBuilderRequest(deps, account.admin, account.accountId, { action: 'user_get_balance' });

    expect(await historyOf(account.accountId, account.admin)).toMatchObject([
      { action: 'user_get_balance', outcome: 'failure', upstreamStatus: -8, failure: null },
      {
        action: 'token_list_ips',
        outcome: 'failure',
        upstreamStatus: null,
        failure: 'confirmation-required',
        params: {},
        sendAs: 'key',
      },
    ]);
  });
});

describe('running again from the history', () => {
  it('says, from the permission table, who may not run a request that changes a key again', async () => {
    const { account, deps, key } = await accountWithOneKey();
    await runBuilderRequest(deps, account.admin, account.accountId, {
      action: 'token_add_ip',
      keyId: key.id,
      params: { ipaddr: '203.0.113.62' },
    });
    await runBuilderRequest(deps, account.support, account.accountId, { action: 'token_list_ips', keyId: key.id });

    const asSeenBy = async (actor: Parameters<typeof builderHistory>[1]) =>
      (await builderHistory({ prisma: world.prisma }, actor, 100))
        .filter((entry) => entry.accountId === account.accountId)
        .map((entry) => [entry.action, entry.runAgainDenied]);
    expect(await asSeenBy(account.admin)).toEqual([
      ['token_list_ips', null],
      ['token_add_ip', null],
    ]);
    expect(await asSeenBy(account.support)).toEqual([
      ['token_list_ips', null],
      ['token_add_ip', 'Support staff cannot run requests that change a key'],
    ]);
    expect(await asSeenBy(account.lead)).toEqual([
      ['token_list_ips', 'A team lead cannot run read-only requests'],
      ['token_add_ip', 'A team lead cannot run requests that change a key'],
    ]);
  });
});
