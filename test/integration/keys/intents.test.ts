import { describe, expect, it } from 'vitest';
import { accountRefFor } from '@/lib/accounts/account-ref';
import { authorizeKeyIp } from '@/lib/keys/authorize-ip-service';
import { deleteApiKey } from '@/lib/keys/delete-service';
import { getKeyDetail } from '@/lib/keys/detail-service';
import { generateApiKey } from '@/lib/keys/generate-service';
import { resolveOpenIntents } from '@/lib/keys/intent-resolver';
import { keyInUse } from '@/lib/keys/key-secret';
import { pendingChanges } from '@/lib/keys/pending-changes';
import { DEFAULT_KEY_LIST_QUERY } from '@/lib/keys/list-query';
import { listAccountKeys } from '@/lib/keys/list-service';
import { refreshAccountKeys } from '@/lib/keys/refresh-service';
import { recordIntent } from '@/lib/keys/upstream-change';
import { builderHistory } from '@/lib/request-builder/history';
import { runBuilderRequest } from '@/lib/request-builder/run-request';
import { testPrisma } from '@/test/integration/support/database';
import {
  createTestAccount,
  serviceDeps,
  type TestAccount,
  keysWorld,
  defaultKey,
  cloudKey,
  accountWithKey,
  unsettledChangeCount,
} from '@/test/integration/keys/keys-fixture';
import { callOn, callOnKey } from '@/test/integration/keys/key-calls';

/**
 * Issue 10, "a change sent to sendSMS is never forgotten": every generate, IP authorization and delete is an intent
 * committed before the call; a lost answer is "outcome unknown, checking", never "failed"; a crash or a timeout is
 * settled by reading sendSMS back, with the key and IP rows that were missing and an audit row naming the person.
 */

// A sandbox of its own with room in the budget: the bursts below make more than 10 calls a minute per account.
const BUDGET = { limit: 500, windowMs: 61_000 };
const world = keysWorld({ schema: 'sandbox_intents', budget: BUDGET });

/** A client that gives up after 400 ms, against a sandbox told to answer after 1.2 s: the change happens, the answer is lost. */
const impatient = () => serviceDeps(world.prisma, { timeoutMs: 400, budget: BUDGET });
const SLOW = { slowMs: 1_200 };
/** Resolve now, whatever the age of the intents (the grace periods are for calls still in flight elsewhere). */
const resolveNow = (accountId: string, client = serviceDeps(world.prisma, { budget: BUDGET })) =>
  resolveOpenIntents(client, { accountId, openGraceMs: 0, unknownGraceMs: 0 });

const changesOf = (accountId: string) =>
  world.prisma.upstreamChange.findMany({ where: { accountId }, orderBy: { createdAt: 'asc' } });
const auditOf = (accountId: string, action: string) =>
  world.prisma.auditEvent.findMany({ where: { accountId, action }, orderBy: { id: 'asc' } });

describe('a lost answer is "outcome unknown", then settled by reading sendSMS back', () => {
  it('token_generate answered too slowly: 503 outcome unknown, then the key is recorded, named, and flagged compromised', async () => {
    const account = await createTestAccount(world.prisma, world.sandbox);
    await world.sandbox.control.setFaults(account.username, SLOW);
    await expect(
      generateApiKey(
        impatient(),
        { actor: account.admin, accountId: account.accountId, origin: { sourceIp: '203.0.113.9' } },
        { name: 'Slow key', kind: 'DEFAULT', usageLabel: 'APP' },
      ),
    ).rejects.toMatchObject({
      httpStatus: 503,
      outcome: 'unknown',
      retryable: false,
      message: expect.stringContaining('outcome unknown, checking'),
    });
    await world.sandbox.control.setFaults(account.username, {});
    expect((await world.sandbox.control.account(account.username))!.keys.map((key) => key.name)).toEqual(['Slow key']);
    expect(await world.prisma.apiKey.count({ where: { accountId: account.accountId } })).toBe(0);
    expect(await changesOf(account.accountId)).toEqual([
      expect.objectContaining({ action: 'TOKEN_GENERATE', state: 'UNKNOWN', actorEmail: account.admin.email }),
    ]);
    expect(await auditOf(account.accountId, 'key.generate')).toEqual([]);
    // The list says it is being checked, never that it failed.
    const pending = await listAccountKeys(serviceDeps(world.prisma), callOn(account), DEFAULT_KEY_LIST_QUERY);
    expect(pending.pendingChanges).toEqual([
      expect.objectContaining({
        action: 'generate',
        keyName: 'Slow key',
        ip: null,
        requestedBy: account.admin.email,
      }),
    ]);
    // Who asked is the audit log's to tell: a team lead sees the change, not the name.
    expect(
      (await listAccountKeys(serviceDeps(world.prisma), callOn(account, account.lead), DEFAULT_KEY_LIST_QUERY))
        .pendingChanges,
    ).toEqual([expect.objectContaining({ action: 'generate', requestedBy: null })]);

    expect(await resolveNow(account.accountId)).toMatchObject({ claimed: 1, succeeded: 1, failed: 0 });
    const key = await world.prisma.apiKey.findFirstOrThrow({ where: { accountId: account.accountId } });
    expect(key).toMatchObject({
      name: 'Slow key',
      usageLabel: 'APP',
      origin: 'GENERATED',
      secretUnseenAt: expect.any(Date),
    });
    expect(await auditOf(account.accountId, 'key.generate')).toEqual([
      expect.objectContaining({
        outcome: 'success',
        keyId: key.id,
        actorEmail: account.admin.email,
        actorRole: 'ADMIN',
        sourceIp: '203.0.113.9',
        params: expect.objectContaining({ resolvedAfterCheck: true, shownToNobody: true }),
      }),
    ]);
    expect(await changesOf(account.accountId)).toEqual([
      expect.objectContaining({ state: 'SUCCEEDED', resolvedBy: 'read-back', keyId: key.id }),
    ]);
    // The key's page says it is compromised (and offers delete); the list flags it first.
    const detail = await getKeyDetail(serviceDeps(world.prisma), account.admin, account.accountId, key.id);
    expect(detail.key.secretUnseenAt).not.toBeNull();
    expect(detail.key.badges[0]).toMatchObject({ id: 'secret-shown-to-nobody', tone: 'danger' });
    const listed = await listAccountKeys(
      serviceDeps(world.prisma),
      callOn(account, account.lead),
      DEFAULT_KEY_LIST_QUERY,
    );
    expect(listed.pendingChanges).toEqual([]);
    expect(listed.rows[0]!.badges[0]!.id).toBe('secret-shown-to-nobody');
  });

  it('a garbled answer to token_generate is unknown too, never "failed"', async () => {
    const account = await createTestAccount(world.prisma, world.sandbox);
    await world.sandbox.control.setFaults(account.username, { unknownShape: true });
    await expect(generateApiKey(impatient(), callOn(account), cloudKey('Garbled'))).rejects.toMatchObject({
      outcome: 'unknown',
    });
    await world.sandbox.control.setFaults(account.username, {});
    expect(await resolveNow(account.accountId)).toMatchObject({ succeeded: 1 });
    expect(await world.prisma.apiKey.findFirstOrThrow({ where: { accountId: account.accountId } })).toMatchObject({
      name: 'Garbled',
      kind: 'CLOUD',
      secretUnseenAt: expect.any(Date),
    });
  });

  it('token_add_ip answered too slowly: unknown, then the IP is on the key with the person who asked', async () => {
    const { account, generated } = await accountWithKey(world, defaultKey('Server'), { budget: BUDGET });
    await world.sandbox.control.setFaults(account.username, SLOW);
    await expect(
      authorizeKeyIp(impatient(), callOnKey(account, generated.key.id), { ip: '192.0.2.44' }),
    ).rejects.toMatchObject({ httpStatus: 503, outcome: 'unknown' });
    await world.sandbox.control.setFaults(account.username, {});
    expect((await world.sandbox.control.account(account.username))!.keys[0]!.ips).toEqual(['192.0.2.44']);
    expect(await world.prisma.keyIp.count({ where: { keyId: generated.key.id } })).toBe(0);
    expect(
      (await getKeyDetail(serviceDeps(world.prisma), account.admin, account.accountId, generated.key.id))
        .pendingChanges,
    ).toEqual([
      expect.objectContaining({
        action: 'authorize-ip',
        keyName: null,
        ip: '192.0.2.44',
      }),
    ]);

    expect(await resolveNow(account.accountId)).toMatchObject({ claimed: 1, succeeded: 1 });
    expect(await world.prisma.keyIp.findMany({ where: { keyId: generated.key.id } })).toEqual([
      expect.objectContaining({ address: '192.0.2.44', reason: 'WHITELISTED' }),
    ]);
    expect(
      (await auditOf(account.accountId, 'ip.authorize')).map((event) => [
        event.outcome,
        event.actorEmail,
        (event.params as { resolvedAfterCheck?: boolean }).resolvedAfterCheck,
      ]),
    ).toEqual([['success', account.admin.email, true]]);
  });

  it('the Request Builder shows a lost token_add_ip answer as "outcome unknown, checking", not as a failure', async () => {
    const { account, generated } = await accountWithKey(world, defaultKey('Builder key'), { budget: BUDGET });
    await world.sandbox.control.setFaults(account.username, SLOW);
    const result = await runBuilderRequest(impatient(), account.admin, account.accountId, {
      action: 'token_add_ip',
      keyId: generated.key.id,
      params: { ipaddr: '192.0.2.45' },
    });
    expect(result).toMatchObject({
      outcome: 'unknown',
      ok: false,
      status: null,
      meaning: { en: expect.stringContaining('outcome unknown, checking') },
    });
    // Listed in the builder's history as such, with only the request's own parameters to run it again with.
    const [run] = (await builderHistory({ prisma: world.prisma }, account.admin, 100)).filter(
      (entry) => entry.accountId === account.accountId,
    );
    expect(run).toMatchObject({ failure: 'outcome-unknown', upstreamStatus: null, params: { ipaddr: '192.0.2.45' } });
    expect(Object.keys(run!.params)).toEqual(['ipaddr']);
    await world.sandbox.control.setFaults(account.username, {});
    expect(await resolveNow(account.accountId)).toMatchObject({ succeeded: 1 });
  });

  it('token_delete answered too slowly: the key stays until sendSMS is read back, then it is deleted', async () => {
    const { account, generated } = await accountWithKey(world, cloudKey('Doomed'), { budget: BUDGET });
    await world.sandbox.control.setFaults(account.username, SLOW);
    await expect(deleteApiKey(impatient(), callOnKey(account, generated.key.id), 'Doomed')).rejects.toMatchObject({
      outcome: 'unknown',
    });
    await world.sandbox.control.setFaults(account.username, {});
    expect((await world.prisma.apiKey.findUniqueOrThrow({ where: { id: generated.key.id } })).deletedAt).toBeNull();
    expect(await resolveNow(account.accountId)).toMatchObject({ succeeded: 1 });
    expect((await world.prisma.apiKey.findUniqueOrThrow({ where: { id: generated.key.id } })).deletedAt).not.toBeNull();
    expect(
      (await auditOf(account.accountId, 'key.delete')).map((event) => `${event.outcome}:${event.actorEmail}`),
    ).toEqual([`success:${account.admin.email}`]);
  });
});

describe('a change that never reached sendSMS', () => {
  it('resolves as failed, with an audit row naming the person who asked', async () => {
    const { account, generated } = await accountWithKey(world, defaultKey('Target'), { budget: BUDGET });
    // A body that is not sendSMS's reply, and a cut connection: both come before the sandbox acts, as a proxy's would.
    await world.sandbox.control.setFaults(account.username, { nonJson: true });
    await expect(generateApiKey(impatient(), callOn(account), defaultKey('Never made'))).rejects.toMatchObject({
      outcome: 'unknown',
    });
    await world.sandbox.control.setFaults(account.username, { reset: true });
    await expect(
      authorizeKeyIp(impatient(), callOnKey(account, generated.key.id), { ip: '192.0.2.77' }),
    ).rejects.toMatchObject({ outcome: 'unknown' });
    await world.sandbox.control.setFaults(account.username, {});

    expect(await resolveNow(account.accountId)).toMatchObject({ claimed: 2, succeeded: 0, failed: 2 });
    expect((await changesOf(account.accountId)).map((change) => `${change.action}:${change.state}`)).toEqual([
      'TOKEN_GENERATE:SUCCEEDED',
      'TOKEN_GENERATE:FAILED',
      'TOKEN_ADD_IP:FAILED',
    ]);
    expect(
      (await auditOf(account.accountId, 'key.generate')).map((event) => `${event.outcome}:${event.actorEmail}`),
    ).toEqual([`success:${account.admin.email}`, `failure:${account.admin.email}`]);
    expect(
      (await auditOf(account.accountId, 'ip.authorize')).map((event) => `${event.outcome}:${event.actorEmail}`),
    ).toEqual([`failure:${account.admin.email}`]);
    expect(await world.prisma.apiKey.count({ where: { accountId: account.accountId } })).toBe(1);
  });

  it('sendSMS down while reading back: the intent stays open, with the reason, for the next run', async () => {
    const account = await createTestAccount(world.prisma, world.sandbox);
    await recordIntent(
      serviceDeps(world.prisma),
      account.admin,
      {},
      {
        accountId: account.accountId,
        action: 'TOKEN_GENERATE',
        params: defaultKey('Later'),
      },
    );
    await world.sandbox.control.setFaults(account.username, { httpStatus: 503 });
    expect(await resolveNow(account.accountId)).toMatchObject({ claimed: 1, deferred: 1 });
    await world.sandbox.control.setFaults(account.username, {});
    expect(await changesOf(account.accountId)).toEqual([
      expect.objectContaining({
        state: 'OPEN',
        checkAttempts: 1,
        lastCheckError: expect.stringContaining('HTTP'),
        claimToken: null,
      }),
    ]);
    // The page is given the condition, to word in its reader's language, not the English kept in the row.
    expect(await pendingChanges(world.prisma, account.accountId, { showRequester: false })).toEqual([
      expect.objectContaining({
        lastCheckProblem: { condition: { code: 'httpStatus', nothingChanged: true }, message: expect.any(String) },
      }),
    ]);
    expect(await resolveNow(account.accountId)).toMatchObject({ claimed: 1, failed: 1 });
  });

  it('the account’s budget spent: nothing more is asked of sendSMS, the intents wait with the reason', async () => {
    const account = await createTestAccount(world.prisma, world.sandbox);
    const deps = serviceDeps(world.prisma, { budget: BUDGET });
    const keys = [];
    for (const name of ['One', 'Two']) keys.push((await generateApiKey(deps, callOn(account), defaultKey(name))).key);
    for (const [index, key] of keys.entries()) {
      await recordIntent(
        deps,
        account.admin,
        {},
        {
          accountId: account.accountId,
          keyId: key.id,
          action: 'TOKEN_ADD_IP',
          params: { ip: `192.0.2.${index + 90}` },
        },
      );
    }
    // A budget of 2 a minute, already spent by the two generates.
    const tight = serviceDeps(world.prisma, { budget: { limit: 2, windowMs: 61_000 } });
    expect(await resolveNow(account.accountId, tight)).toMatchObject({
      claimed: 2,
      deferred: 2,
      succeeded: 0,
      failed: 0,
    });
    expect((await changesOf(account.accountId)).filter((change) => change.action === 'TOKEN_ADD_IP')).toEqual([
      expect.objectContaining({ state: 'OPEN', lastCheckError: expect.stringContaining('2 queries a minute') }),
      expect.objectContaining({ state: 'OPEN', lastCheckError: expect.stringContaining('2 queries a minute') }),
    ]);
    expect(
      (await pendingChanges(world.prisma, account.accountId, { showRequester: true })).map(
        (change) => change.lastCheckProblem?.condition,
      ),
    ).toEqual([
      { code: 'budget', perMinute: 2, seconds: expect.any(Number), nothingChanged: true },
      { code: 'budget', perMinute: 2, seconds: expect.any(Number), nothingChanged: true },
    ]);
    expect(await resolveNow(account.accountId)).toMatchObject({ claimed: 2, failed: 2 });
  });
});

/**
 * kill -9 mid-burst: each intent is committed and its call sent, straight to the sandbox, and nothing after that
 * runs. Some intents of the burst never got their call out before the kill.
 */
async function crashMidBurst(
  account: TestAccount,
  size: number,
): Promise<{ sentGenerates: string[]; sentIps: string[]; targetKeyIds: string[] }> {
  const deps = serviceDeps(world.prisma, { budget: BUDGET });
  const dashboardAccount = await world.prisma.account.findUniqueOrThrow({ where: { id: account.accountId } });
  const client = deps.clientFor(dashboardAccount.apiBaseUrl);
  const targets = [];
  for (let index = 0; index < size; index += 1) {
    targets.push((await generateApiKey(deps, callOn(account), defaultKey(`Target ${index}`))).key);
  }
  // Each intent recorded as the route would, by the admin from one address.
  const intend = (change: Omit<Parameters<typeof recordIntent>[3], 'accountId'>) =>
    recordIntent(deps, account.admin, { sourceIp: '203.0.113.1' }, { accountId: account.accountId, ...change });
  const sentGenerates: string[] = [];
  const sentIps: string[] = [];
  await Promise.all(
    targets.flatMap((target, index) => {
      const sent = index % 4 !== 3; // every fourth intent dies before its call leaves
      const name = `Burst ${index}`;
      const ip = `198.51.100.${index + 1}`;
      return [
        (async () => {
          await intend({ action: 'TOKEN_GENERATE', params: defaultKey(name) });
          if (!sent) return;
          await client.call('token_generate', {
            account: accountRefFor(dashboardAccount),
            params: { name, type: 'default' },
          });
          sentGenerates.push(name);
        })(),
        (async () => {
          await intend({ keyId: target.id, action: 'TOKEN_ADD_IP', params: { ip, confirmFirstUseLock: false } });
          if (!sent) return;
          const row = await world.prisma.apiKey.findUniqueOrThrow({ where: { id: target.id } });
          await client.call('token_add_ip', {
            account: accountRefFor(dashboardAccount),
            key: keyInUse(row, deps.credentialsKey)!,
            params: { ipaddr: ip },
          });
          sentIps.push(ip);
        })(),
      ];
    }),
  );
  return { sentGenerates, sentIps, targetKeyIds: targets.map((target) => target.id) };
}

describe('a crash mid-burst', () => {
  it('every change that reached sendSMS has its row and its audit row after one resolve; the others are failed', async () => {
    const account = await createTestAccount(world.prisma, world.sandbox);
    const size = 8;
    const { sentGenerates, sentIps, targetKeyIds } = await crashMidBurst(account, size);
    const atSendsms = sentGenerates.length + sentIps.length;

    const report = await resolveNow(account.accountId);
    expect(report).toMatchObject({
      claimed: 2 * size,
      succeeded: atSendsms,
      failed: 2 * size - atSendsms,
      deferred: 0,
    });

    const keys = await world.prisma.apiKey.findMany({
      where: { accountId: account.accountId, name: { startsWith: 'Burst' } },
    });
    expect(keys.map((key) => key.name).sort()).toEqual([...sentGenerates].sort());
    expect(keys.every((key) => key.origin === 'GENERATED' && key.secretUnseenAt !== null)).toBe(true);
    const ips = await world.prisma.keyIp.findMany({ where: { keyId: { in: targetKeyIds } } });
    expect(ips.map((ip) => ip.address).sort()).toEqual([...sentIps].sort());

    const generateAudit = (await auditOf(account.accountId, 'key.generate')).filter(
      (event) => (event.params as { resolvedAfterCheck?: boolean }).resolvedAfterCheck,
    );
    const ipAudit = await auditOf(account.accountId, 'ip.authorize');
    const auditedKeyIds = new Set(
      generateAudit.filter((event) => event.outcome === 'success').map((event) => event.keyId),
    );
    const auditedIps = new Set(
      ipAudit.filter((event) => event.outcome === 'success').map((event) => (event.params as { ip: string }).ip),
    );
    const withoutAudit =
      keys.filter((key) => !auditedKeyIds.has(key.id)).length + sentIps.filter((ip) => !auditedIps.has(ip)).length;
    expect(withoutAudit).toBe(0);
    expect(
      [...generateAudit, ...ipAudit].every(
        (event) => event.actorEmail === account.admin.email && event.sourceIp === '203.0.113.1',
      ),
    ).toBe(true);
    expect(await unsettledChangeCount(world.prisma, account.accountId)).toBe(0);
    console.log(
      `crash mid-burst: ${atSendsms} changes at sendSMS (${sentGenerates.length} keys, ${sentIps.length} IPs) of ${2 * size} intents, ${withoutAudit} without their audit row after one resolve; ${report.failed} intents that never left resolved as failed`,
    );
  });

  it('a refresh settles them first, and a key a refresh already listed is given back to the person who asked', async () => {
    const account = await createTestAccount(world.prisma, world.sandbox);
    const { sentGenerates } = await crashMidBurst(account, 2);
    // A refresh right after the crash: the intents are younger than the grace, so the listing adds the keys with nobody named.
    await refreshAccountKeys(serviceDeps(world.prisma, { budget: BUDGET }), null, account.accountId, {
      trigger: 'background',
    });
    expect(await world.prisma.apiKey.count({ where: { accountId: account.accountId, origin: 'LISTED' } })).toBe(
      sentGenerates.length,
    );
    // A later refresh, once the grace has passed, settles them before listing.
    const later = new Date(Date.now() + 10 * 60_000);
    await refreshAccountKeys(serviceDeps(world.prisma, { budget: BUDGET, now: () => later }), null, account.accountId, {
      trigger: 'background',
    });
    expect(await world.prisma.apiKey.count({ where: { accountId: account.accountId, origin: 'LISTED' } })).toBe(0);
    const burst = await world.prisma.apiKey.findMany({
      where: { accountId: account.accountId, name: { startsWith: 'Burst' } },
    });
    expect(burst.map((key) => [key.origin, key.secretUnseenAt !== null])).toEqual(
      sentGenerates.map(() => ['GENERATED', true]),
    );
    expect(await unsettledChangeCount(world.prisma, account.accountId)).toBe(0);
  });
});

describe('two resolvers at once', () => {
  /** One process's resolver, run in small batches until nothing is left to claim, as a job queue would. */
  async function drain(client: ReturnType<typeof serviceDeps>, accountId: string) {
    const total = { claimed: 0, succeeded: 0, failed: 0, deferred: 0, skipped: 0 };
    for (;;) {
      const report = await resolveOpenIntents(client, { accountId, openGraceMs: 0, unknownGraceMs: 0, limit: 3 });
      if (report.claimed === 0) return total;
      for (const field of Object.keys(total) as Array<keyof typeof total>) total[field] += report[field];
    }
  }

  it('settle each change once', async () => {
    const account = await createTestAccount(world.prisma, world.sandbox);
    const size = 6;
    const { sentGenerates, sentIps } = await crashMidBurst(account, size);
    const other = testPrisma();
    try {
      const [first, second] = await Promise.all([
        drain(serviceDeps(world.prisma, { budget: BUDGET }), account.accountId),
        drain(serviceDeps(other, { budget: BUDGET }), account.accountId),
      ]);
      expect(first.claimed + second.claimed).toBe(2 * size);
      expect(first.succeeded + second.succeeded).toBe(sentGenerates.length + sentIps.length);
      expect(first.failed + second.failed + first.succeeded + second.succeeded).toBe(2 * size);
      console.log(
        `two resolvers at once: ${first.claimed} and ${second.claimed} of ${2 * size} changes claimed, each settled and audited once`,
      );
    } finally {
      await other.$disconnect();
    }
    const changes = await changesOf(account.accountId);
    const audited = [
      ...(await auditOf(account.accountId, 'key.generate')),
      ...(await auditOf(account.accountId, 'ip.authorize')),
    ].filter((event) => (event.params as { resolvedAfterCheck?: boolean }).resolvedAfterCheck);
    expect(audited).toHaveLength(2 * size);
    expect(new Set(audited.map((event) => `${event.action}:${event.keyId}:${JSON.stringify(event.params)}`)).size).toBe(
      2 * size,
    );
    expect(changes.filter((change) => change.resolvedBy === 'read-back')).toHaveLength(2 * size);
    expect(
      await world.prisma.apiKey.count({ where: { accountId: account.accountId, name: { startsWith: 'Burst' } } }),
    ).toBe(sentGenerates.length);
  });
});
