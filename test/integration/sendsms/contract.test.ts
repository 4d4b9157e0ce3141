import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { RunningSandbox } from '@/lib/sendsms/sandbox/server';
import { startTestSandbox, uniqueUsername, wire } from '@/test/integration/sendsms/sandbox-fixture';

/**
 * The wire contract, over HTTP against the sandbox: each action's success and its documented errors, the IP rules
 * of Default and Cloud keys, use counting, the budget. Each test makes its own account, so none shares a budget.
 */

let sandbox: RunningSandbox;
beforeAll(async () => {
  sandbox = await startTestSandbox();
});
afterAll(async () => {
  await sandbox?.stop();
});

async function account(keys: Array<{ name: string; kind: 'default' | 'cloud'; ips?: string[] }> = []) {
  const username = uniqueUsername('contract');
  const created = await sandbox.control.createAccount({ username, password: 'account-pass', keys });
  const secret = (name: string) => created.keys.find((key) => key.name === name)!.secret;
  return { username, secret, auth: { username, password: 'account-pass' } };
}

describe('calls naming no account', () => {
  it('ping answers status 0 without credentials', async () => {
    expect(await wire(sandbox, { action: 'ping' })).toMatchObject({ status: 0 });
  });

  it('answers -1 without an action and -2 to an unknown one', async () => {
    expect((await wire(sandbox, {})).status).toBe(-1);
    expect(await wire(sandbox, { action: 'user_get_everything' })).toMatchObject({
      status: -2,
      details: 'user_get_everything',
    });
  });

  it('runs the three-step flow: authorize, allow from the account, collect the key once', async () => {
    const { auth, username } = await account();
    expect((await wire(sandbox, { action: 'user_authorize_application' })).status).toBe(-4);
    const authorized = await wire(sandbox, { action: 'user_authorize_application', application_name: 'Shop plugin' });
    expect(authorized.status).toBe(2);
    const { request_key: requestKey, authorize_url: authorizeUrl } = authorized.details as {
      request_key: string;
      authorize_url: string;
    };
    expect(authorizeUrl).toContain(requestKey);
    expect((await wire(sandbox, { action: 'user_get_api_key', request_key: requestKey })).status).toBe(-8);
    expect((await wire(sandbox, { action: 'user_allow_token_request', ...auth })).status).toBe(-4);
    expect(
      (await wire(sandbox, { action: 'user_allow_token_request', ...auth, password: 'wrong', request_key: requestKey }))
        .status,
    ).toBe(-8);
    expect((await wire(sandbox, { action: 'user_allow_token_request', ...auth, request_key: requestKey })).status).toBe(
      0,
    );
    expect((await wire(sandbox, { action: 'user_allow_token_request', ...auth, request_key: requestKey })).status).toBe(
      -512,
    );
    const collected = await wire(sandbox, { action: 'user_get_api_key', request_key: requestKey });
    expect(collected).toMatchObject({ status: 0, details: { username } });
    expect((await wire(sandbox, { action: 'user_get_api_key', request_key: requestKey })).status).toBe(-128);
    const keys = (await wire(sandbox, { action: 'token_list', ...auth })).details as Array<{
      name: string;
      token: string;
    }>;
    expect(keys).toEqual([
      expect.objectContaining({ name: 'Shop plugin', token: (collected.details as { key: string }).key }),
    ]);
  });
});

describe('account actions', () => {
  it.each(['user_get_balance', 'user_get_info', 'token_list'])(
    '%s succeeds for the account, -8 on a wrong password, -4 without one, -2 when switched off',
    async (action) => {
      const { auth, username } = await account();
      expect((await wire(sandbox, { action, ...auth })).status).toBe(0);
      expect((await wire(sandbox, { action, ...auth, password: 'wrong' })).status).toBe(-8);
      expect((await wire(sandbox, { action, username: 'nobody-at-all', password: 'x' })).status).toBe(-8);
      expect(await wire(sandbox, { action, username })).toMatchObject({ status: -4, details: 'password' });
      await sandbox.control.setFaults(username, { unsupported: [action] });
      expect((await wire(sandbox, { action, ...auth })).status).toBe(-2);
    },
  );

  it('token_generate makes a key of the kind asked, token_delete removes it', async () => {
    const { auth } = await account();
    expect(await wire(sandbox, { action: 'token_generate', ...auth, type: 'cloud' })).toMatchObject({
      status: -4,
      details: 'name',
    });
    expect((await wire(sandbox, { action: 'token_generate', ...auth, name: 'x', type: 'weird' })).status).toBe(-128);
    const generated = await wire(sandbox, { action: 'token_generate', ...auth, name: 'Point of sale', type: 'cloud' });
    expect(generated).toMatchObject({ status: 0, details: { name: 'Point of sale', type: 'cloud' } });
    const token = (generated.details as { token: string }).token;
    expect(token).toMatch(/^[0-9a-f]{32}$/);
    expect((await wire(sandbox, { action: 'user_get_balance', username: auth.username, password: token })).status).toBe(
      0,
    );
    expect((await wire(sandbox, { action: 'token_delete', ...auth })).status).toBe(-4);
    expect((await wire(sandbox, { action: 'token_delete', ...auth, token: 'not-a-key' })).status).toBe(-128);
    expect((await wire(sandbox, { action: 'token_delete', ...auth, token })).status).toBe(0);
    expect((await wire(sandbox, { action: 'user_get_balance', username: auth.username, password: token })).status).toBe(
      -8,
    );
    expect((await wire(sandbox, { action: 'token_list', ...auth })).details).toEqual([]);
  });
});

describe('key actions and the IP rules', () => {
  it('a fresh Default key locks to the first caller, refuses a second IP until token_add_ip, then accepts it', async () => {
    const { username, secret, auth } = await account([{ name: 'Checkout', kind: 'default' }]);
    const key = secret('Checkout');
    const asKey = { action: 'token_list_ips', username, password: key };
    expect(await wire(sandbox, asKey, '203.0.113.1')).toMatchObject({ status: 0, details: [{ ip: '203.0.113.1' }] });
    expect((await wire(sandbox, asKey, '203.0.113.2')).status).toBe(-8);
    expect(await wire(sandbox, { action: 'token_add_ip', ...auth, token: key })).toMatchObject({
      status: -4,
      details: 'ipaddr',
    });
    expect((await wire(sandbox, { action: 'token_add_ip', ...auth, token: key, ipaddr: '203.0.113.999' })).status).toBe(
      -128,
    );
    expect((await wire(sandbox, { action: 'token_add_ip', ...auth, token: key, ipaddr: '203.0.113.2' })).status).toBe(
      0,
    );
    expect((await wire(sandbox, { action: 'token_add_ip', ...auth, token: key, ipaddr: '203.0.113.2' })).status).toBe(
      -512,
    );
    const fromSecond = await wire(sandbox, asKey, '203.0.113.2');
    expect(fromSecond.status).toBe(0);
    expect((fromSecond.details as Array<{ ip: string }>).map((entry) => entry.ip)).toEqual([
      '203.0.113.1',
      '203.0.113.2',
    ]);
    // The key form can whitelist too, from an address already allowed, and not from any other.
    expect(
      (await wire(sandbox, { action: 'token_add_ip', username, password: key, ipaddr: '203.0.113.3' }, '203.0.113.9'))
        .status,
    ).toBe(-8);
    expect(
      (await wire(sandbox, { action: 'token_add_ip', username, password: key, ipaddr: '203.0.113.3' }, '203.0.113.1'))
        .status,
    ).toBe(0);
  });

  it('the first callers race for a fresh Default key: exactly one address wins', async () => {
    const { username, secret } = await account([{ name: 'Race', kind: 'default' }]);
    const answers = await Promise.all(
      ['192.0.2.1', '192.0.2.2', '192.0.2.3', '192.0.2.4'].map((ip) =>
        wire(sandbox, { action: 'token_list_ips', username, password: secret('Race') }, ip),
      ),
    );
    expect(answers.filter((answer) => answer.status === 0)).toHaveLength(1);
  });

  it('a Cloud key accepts every IP and reports the first one', async () => {
    const { username, secret, auth } = await account([{ name: 'Mobile', kind: 'cloud' }]);
    for (const ip of ['100.64.0.1', '100.64.0.2', '2001:db8::7']) {
      expect(await wire(sandbox, { action: 'token_list_ips', username, password: secret('Mobile') }, ip)).toMatchObject(
        { status: 0, details: [{ ip: '100.64.0.1' }] },
      );
    }
    expect((await wire(sandbox, { action: 'token_list_ips', ...auth, token: secret('Mobile') })).details).toEqual([
      expect.objectContaining({ ip: '100.64.0.1' }),
    ]);
  });

  it('the key actions answer -4 without a key, -8 for an unknown one, -2 when switched off', async () => {
    const { username, auth } = await account([{ name: 'K', kind: 'default' }]);
    expect(await wire(sandbox, { action: 'token_list_ips', ...auth })).toMatchObject({ status: -4, details: 'token' });
    expect((await wire(sandbox, { action: 'token_list_ips', ...auth, token: 'unknown-key' })).status).toBe(-8);
    await sandbox.control.setFaults(username, { unsupported: ['token_list_ips', 'token_add_ip'] });
    expect((await wire(sandbox, { action: 'token_list_ips', ...auth, token: 'x' })).status).toBe(-2);
    expect((await wire(sandbox, { action: 'token_add_ip', ...auth, token: 'x', ipaddr: '192.0.2.1' })).status).toBe(-2);
  });

  it('counts every accepted call made with a key, and moves its last use; refused calls and account calls count nothing', async () => {
    const { username, secret, auth } = await account([{ name: 'Counter', kind: 'default', ips: ['198.51.100.1'] }]);
    const key = secret('Counter');
    const usage = async () => (await sandbox.control.account(username))!.keys[0]!;
    const before = await usage();
    expect(before).toMatchObject({ useCount: 0, lastUsedAt: null });
    await wire(sandbox, { action: 'user_get_balance', username, password: key }, '198.51.100.1');
    const once = await usage();
    expect(once.useCount).toBe(1);
    expect(once.lastUsedAt).not.toBeNull();
    await new Promise((resolve) => setTimeout(resolve, 5));
    await wire(sandbox, { action: 'token_list_ips', username, password: key }, '198.51.100.1');
    const twice = await usage();
    expect(twice.useCount).toBe(2);
    expect(Date.parse(twice.lastUsedAt!)).toBeGreaterThan(Date.parse(once.lastUsedAt!));
    await wire(sandbox, { action: 'user_get_balance', username, password: key }, '198.51.100.2');
    await wire(sandbox, { action: 'token_list_ips', ...auth, token: key });
    expect((await usage()).useCount).toBe(2);
    const listed = (await wire(sandbox, { action: 'token_list', ...auth })).details as Array<{
      use_count: number;
      last_used: string;
    }>;
    expect(listed[0]).toMatchObject({ use_count: 2, last_used: twice.lastUsedAt });
  });
});

describe('the budget', () => {
  it('answers -4096 to the 11th non-billable query of a minute, per account, counting only accepted calls', async () => {
    const first = await account();
    const second = await account();
    expect((await wire(sandbox, { action: 'user_get_balance', ...first.auth, password: 'wrong' })).status).toBe(-8);
    for (let call = 0; call < 10; call += 1)
      expect((await wire(sandbox, { action: 'user_get_balance', ...first.auth })).status).toBe(0);
    expect((await wire(sandbox, { action: 'user_get_info', ...first.auth })).status).toBe(-4096);
    expect((await wire(sandbox, { action: 'user_get_info', ...second.auth })).status).toBe(0);
    expect((await wire(sandbox, { action: 'ping' })).status).toBe(0);
  });
});

describe('token_list_ips shapes', () => {
  it.each(['objects', 'strings', 'keyed', 'csv'] as const)(
    'answers in the %s shape when switched to it',
    async (ipListShape) => {
      const { username, secret, auth } = await account([
        { name: 'K', kind: 'default', ips: ['192.0.2.10', '192.0.2.11'] },
      ]);
      await sandbox.control.setFaults(username, { ipListShape });
      const details = (await wire(sandbox, { action: 'token_list_ips', ...auth, token: secret('K') })).details;
      expect(JSON.stringify(details)).toContain('192.0.2.11');
      if (ipListShape === 'csv') expect(details).toBe('192.0.2.10,192.0.2.11');
      if (ipListShape === 'strings') expect(details).toEqual(['192.0.2.10', '192.0.2.11']);
    },
  );
});
