import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEMO_ACCOUNTS, demoKeySecret } from '@/lib/demo/fixtures';
import type { PrismaClient } from '@/lib/generated/prisma/client';
import { SENDSMS_BUDGET } from '@/lib/config';
import { backgroundShare, createMemoryBudget, UNLIMITED_BUDGET } from '@/lib/sendsms/budget';
import { createPostgresBudget } from '@/lib/sendsms/budget-postgres';
import { createPostgresCapabilityStore } from '@/lib/sendsms/capabilities-postgres';
import { createSendsmsClient } from '@/lib/sendsms/client';
import {
  UpstreamFaultError,
  UpstreamNetworkError,
  UpstreamStatusError,
  UpstreamTimeoutError,
} from '@/lib/sendsms/errors';
import { deleteKey, generateKey, listKeys, probeCapabilities } from '@/lib/sendsms/key-operations';
import type { RunningSandbox } from '@/lib/sendsms/sandbox/server';
import { testPrisma } from '@/test/integration/support/database';
import { startTestSandbox, uniqueUsername, wire } from '@/test/integration/sendsms/sandbox-fixture';

let sandbox: RunningSandbox;
let prisma: PrismaClient;
let otherProcess: PrismaClient;
beforeAll(async () => {
  sandbox = await startTestSandbox();
  prisma = testPrisma();
  otherProcess = testPrisma();
});
afterAll(async () => {
  await sandbox?.stop();
  await prisma?.$disconnect();
  await otherProcess?.$disconnect();
});

const failure = (promise: Promise<unknown>) =>
  promise.then(
    () => expect.fail('expected a failure'),
    (error: unknown) => error,
  );

async function newAccount() {
  const username = uniqueUsername('client');
  await sandbox.control.createAccount({
    username,
    password: 'pass-word',
    keys: [{ name: 'Default one', kind: 'default' }],
  });
  return { username, credential: 'pass-word' };
}

function client(options: Partial<Parameters<typeof createSendsmsClient>[0]> = {}) {
  return createSendsmsClient({
    baseUrl: sandbox.url,
    budget: UNLIMITED_BUDGET,
    sleep: async () => undefined,
    retry: { attempts: 1 },
    ...options,
  });
}

describe('the demo world', () => {
  it('the sandbox holds the demo accounts and keys the dashboard seed writes', async () => {
    for (const demo of DEMO_ACCOUNTS) {
      const snapshot = await sandbox.control.account(demo.username);
      expect(snapshot).not.toBeNull();
      for (const key of demo.keys) {
        const held = snapshot!.keys.find((candidate) => candidate.secret === demoKeySecret(demo.username, key.name));
        expect(held).toMatchObject({ name: key.name, kind: key.kind.toLowerCase(), ips: key.ips });
        expect(held!.useCount).toBeGreaterThanOrEqual(key.useCount);
      }
      expect(
        (await wire(sandbox, { action: 'user_get_balance', username: demo.username, password: demo.credential }))
          .status,
      ).toBe(0);
    }
  });
});

describe('the budget kept in Postgres', () => {
  it('is shared by every process: ten calls a minute per account in all, then BudgetExhaustedError', async () => {
    const account = { apiBaseUrl: sandbox.url, username: uniqueUsername('budget') };
    const budgets = [createPostgresBudget(prisma), createPostgresBudget(otherProcess)];
    const decisions = await Promise.all(
      Array.from({ length: 16 }, (_, index) => budgets[index % 2]!.take(account, 'token_list_ips')),
    );
    expect(decisions.filter((decision) => decision.granted)).toHaveLength(10);
    for (const refused of decisions.filter((decision) => !decision.granted))
      expect(refused).toMatchObject({ retryAfterMs: expect.any(Number) });
    expect(await budgets[0]!.take({ ...account, username: `${account.username}-other` }, 'token_list_ips')).toEqual({
      granted: true,
    });
  });

  it("keeps the background to its share across processes, and the rest for people's calls", async () => {
    const account = { apiBaseUrl: sandbox.url, username: uniqueUsername('share') };
    const people = [createPostgresBudget(prisma), createPostgresBudget(otherProcess)];
    const background = people.map((budget) => backgroundShare(budget, SENDSMS_BUDGET));
    const backgroundDecisions = await Promise.all(
      Array.from({ length: 12 }, (_, index) => background[index % 2]!.take(account, 'token_list_ips')),
    );
    expect(backgroundDecisions.filter((decision) => decision.granted)).toHaveLength(7);
    const peopleDecisions = await Promise.all(
      Array.from({ length: 5 }, (_, index) => people[index % 2]!.take(account, 'token_list_ips')),
    );
    expect(peopleDecisions.filter((decision) => decision.granted)).toHaveLength(3);
  });

  it('frees a slot once the oldest call leaves the window', async () => {
    const account = { apiBaseUrl: sandbox.url, username: uniqueUsername('window') };
    const budget = createPostgresBudget(prisma, { limit: 2, windowMs: 400 });
    expect((await budget.take(account, 'a')).granted).toBe(true);
    expect((await budget.take(account, 'a')).granted).toBe(true);
    const refused = await budget.take(account, 'a');
    expect(refused.granted).toBe(false);
    await new Promise((resolve) => setTimeout(resolve, refused.granted ? 0 : refused.retryAfterMs));
    expect((await budget.take(account, 'a')).granted).toBe(true);
  });

  it('stops the client before the sandbox would refuse', async () => {
    const account = await newAccount();
    const shared = client({ budget: createPostgresBudget(prisma) });
    for (let call = 0; call < 10; call += 1) await shared.call('user_get_balance', { account });
    expect(await failure(shared.call('user_get_info', { account }))).toMatchObject({ kind: 'budget' });
  });
});

describe('capabilities and fallbacks', () => {
  it('records -2 on the Account row and falls back to the three-step flow, the registry, and the hub', async () => {
    const account = await newAccount();
    const apiBaseUrl = sandbox.url;
    await prisma.account.create({
      data: {
        label: 'Probe',
        username: account.username,
        credentialCiphertext: 'x',
        credentialKind: 'PASSWORD',
        apiBaseUrl,
      },
    });
    const capabilities = createPostgresCapabilityStore(prisma);
    const probing = client({ capabilities });
    expect(await probeCapabilities(probing, account)).toEqual({ token_list: 'supported' });

    await sandbox.control.setFaults(account.username, {
      unsupported: ['token_generate', 'token_list', 'token_delete'],
    });
    const generated = await generateKey(probing, account, { name: 'Made by flow', kind: 'CLOUD' });
    expect(generated).toMatchObject({
      name: 'Made by flow',
      kind: 'CLOUD',
      kindSetOnHub: true,
      via: 'authorize_application',
    });
    expect(await listKeys(probing, account)).toEqual({ reported: false });
    expect(await deleteKey(probing, account, generated.secret)).toMatchObject({ revokedUpstream: false });
    const row = await prisma.account.findUniqueOrThrow({
      where: { apiBaseUrl_username: { apiBaseUrl, username: account.username } },
    });
    expect(row.capabilities).toEqual({
      token_list: 'unsupported',
      token_generate: 'unsupported',
      token_delete: 'unsupported',
    });
    expect(row.capabilitiesCheckedAt).toBeInstanceOf(Date);

    // The key the flow made works against the sandbox.
    await sandbox.control.setFaults(account.username, {});
    expect(
      (await wire(sandbox, { action: 'user_get_balance', username: account.username, password: generated.secret }))
        .status,
    ).toBe(0);
  });

  it('uses token_generate and token_delete where the account has them', async () => {
    const account = await newAccount();
    const direct = client();
    const generated = await generateKey(direct, account, { name: 'Direct', kind: 'DEFAULT' });
    expect(generated).toMatchObject({ kind: 'DEFAULT', kindSetOnHub: false, via: 'token_generate' });
    const listing = await listKeys(direct, account);
    expect(listing.reported && listing.keys.map((key) => key.name)).toEqual(['Default one', 'Direct']);
    expect(await deleteKey(direct, account, generated.secret)).toEqual({ revokedUpstream: true });
  });
});

describe('the client against each fault switch', () => {
  it.each([
    ['a slow answer', { slowMs: 400 }, UpstreamTimeoutError],
    ['-16', { status: -16 }, UpstreamStatusError],
    ['-4096', { status: -4096 }, UpstreamStatusError],
    ['a non-JSON body', { nonJson: true }, UpstreamFaultError],
    ['an unknown details shape', { unknownShape: true }, UpstreamFaultError],
    ['a reset connection', { reset: true }, UpstreamNetworkError],
  ] as const)('turns %s into the right error', async (_, faults, errorType) => {
    const account = await newAccount();
    const secret = (await sandbox.control.account(account.username))!.keys[0]!.secret;
    await sandbox.control.setFaults(account.username, faults);
    const error = await failure(
      client({ timeoutMs: 150 }).call('token_list_ips', { account, key: { secret, kind: 'DEFAULT', used: true } }),
    );
    expect(error).toBeInstanceOf(errorType);
  });

  it('retries a read through -4096 and gets the answer once the fault clears', async () => {
    const account = await newAccount();
    await sandbox.control.setFaults(account.username, { status: -4096 });
    const retrying = client({
      retry: { attempts: 3 },
      budget: createMemoryBudget(),
      sleep: async () => void (await sandbox.control.setFaults(account.username, {})),
    });
    expect(typeof (await retrying.call('user_get_balance', { account })).details).toBe('number');
  });

  it('normalises every token_list_ips shape the sandbox can answer in', async () => {
    const account = await newAccount();
    const key = {
      secret: (await sandbox.control.account(account.username))!.keys[0]!.secret,
      kind: 'DEFAULT' as const,
      used: false,
    };
    await client().call('token_add_ip', { account, key, params: { ipaddr: '192.0.2.77' } });
    for (const ipListShape of ['objects', 'strings', 'keyed', 'csv'] as const) {
      await sandbox.control.setFaults(account.username, { ipListShape });
      const listed = await client().call('token_list_ips', { account, key });
      expect(listed.form).toBe('account');
      expect(listed.details.map((entry) => entry.address)).toEqual(['192.0.2.77']);
    }
  });
});
