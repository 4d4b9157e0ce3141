import { afterEach, describe, expect, it } from 'vitest';
import { createLogger } from '@/lib/log';
import { createMemoryBudget, UNLIMITED_BUDGET } from '@/lib/sendsms/budget';
import { createSendsmsClient, type SendsmsClientOptions } from '@/lib/sendsms/client';
import * as errors from '@/lib/sendsms/errors';
import { STATUS_CODES } from '@/lib/sendsms/status-codes';
import { MESSAGES } from '@/messages';
import { startFakeUpstream, type FakeReply, type FakeUpstream } from '@/lib/sendsms/test-support/fake-upstream';

const account = { username: 'shop', credential: 'account-password-1' };
const defaultKey = { secret: 'key-secret-0123456789abcdef', kind: 'DEFAULT' as const, used: true };

let upstream: FakeUpstream | undefined;
afterEach(async () => {
  await upstream?.close();
  upstream = undefined;
});

async function clientFor(
  reply: (request: URL, index: number) => FakeReply | Promise<FakeReply>,
  options: Partial<SendsmsClientOptions> = {},
) {
  upstream = await startFakeUpstream(reply);
  return createSendsmsClient({
    baseUrl: upstream.url,
    budget: UNLIMITED_BUDGET,
    sleep: async () => undefined,
    ...options,
  });
}

const failure = (promise: Promise<unknown>) =>
  promise.then(
    () => expect.fail('expected a failure'),
    (error: unknown) => error,
  );

describe('requests', () => {
  it('GETs one URL with the action, credentials and parameters URL-encoded, optional ones left out', async () => {
    const client = await clientFor(() => ({
      envelope: { status: 2, details: { authorize_url: 'https://x', request_key: 'rk' } },
    }));
    await client.call('user_authorize_application', { params: { application_name: 'Shop & Co / ăîș' } });
    const sent = upstream!.requests[0]!;
    expect(sent.pathname).toBe('/json');
    expect([...sent.searchParams.keys()]).toEqual(['action', 'application_name']);
    expect(sent.searchParams.get('application_name')).toBe('Shop & Co / ăîș');
    expect(sent.search).toContain('application_name=Shop%20%26%20Co%20%2F%20');
  });

  it('sends username and password for account actions, nothing for ping', async () => {
    const client = await clientFor(() => ({ envelope: { status: 0, details: 12.5 } }));
    expect((await client.call('user_get_balance', { account })).details).toBe(12.5);
    await client.call('ping');
    expect(Object.fromEntries(upstream!.requests[0]!.searchParams)).toEqual({
      action: 'user_get_balance',
      username: 'shop',
      password: 'account-password-1',
    });
    expect(Object.fromEntries(upstream!.requests[1]!.searchParams)).toEqual({ action: 'ping' });
  });

  it('refuses parameters the action does not take before sending anything', async () => {
    const client = await clientFor(() => ({ envelope: { status: 0 } }));
    expect(
      await failure(client.call('token_add_ip', { account, key: defaultKey, params: { ipaddr: 'nope' } })),
    ).toBeInstanceOf(errors.InvalidRequestError);
    expect(upstream!.requests).toHaveLength(0);
  });
});

describe('key calls', () => {
  it('prefer the account form: account credential plus token', async () => {
    const client = await clientFor(() => ({ envelope: { status: 0, details: ['203.0.113.10'] } }));
    const result = await client.call('token_list_ips', { account, key: { ...defaultKey, used: false } });
    expect(result.form).toBe('account');
    expect(Object.fromEntries(upstream!.requests[0]!.searchParams)).toEqual({
      action: 'token_list_ips',
      username: 'shop',
      password: 'account-password-1',
      token: defaultKey.secret,
    });
  });

  it('refuse the first key-form call with a never-used Default key unless confirmed', async () => {
    const client = await clientFor(() => ({ envelope: { status: 0, details: [] } }));
    const integration = { username: 'shop', credential: null };
    for (const used of [false, 'unknown'] as const) {
      const error = await failure(
        client.call('token_list_ips', { account: integration, key: { ...defaultKey, used } }),
      );
      expect(error).toBeInstanceOf(errors.DefaultKeyFirstUseError);
      expect((error as errors.DefaultKeyFirstUseError).explanation.ro).toMatch(/bloca/);
    }
    expect(upstream!.requests).toHaveLength(0);
    const confirmed = await client.call('token_list_ips', {
      account: integration,
      key: { ...defaultKey, used: false },
      confirmFirstUseLock: true,
    });
    expect(confirmed.form).toBe('key');
    expect(Object.fromEntries(upstream!.requests[0]!.searchParams)).toEqual({
      action: 'token_list_ips',
      username: 'shop',
      password: defaultKey.secret,
    });
    // A Cloud key locks nothing, and a used Default key is already locked: no confirmation needed.
    await client.call('token_list_ips', { account: integration, key: { ...defaultKey, kind: 'CLOUD', used: false } });
    await client.call('token_list_ips', { account: integration, key: defaultKey });
    expect(upstream!.requests).toHaveLength(3);
  });
});

describe('answers', () => {
  const errorCodes = (Object.entries(STATUS_CODES) as Array<[keyof typeof STATUS_CODES, { status: number }]>).filter(
    ([, entry]) => entry.status < 0 && entry.status !== -2,
  );
  it.each(errorCodes)('turns %s into a typed error explained in English and Romanian', async (name, entry) => {
    const client = await clientFor(
      () => ({ envelope: { status: entry.status, message: 'upstream says no', details: 'ipaddr' } }),
      { retry: { attempts: 1 } },
    );
    const error = await failure(client.call('user_get_balance', { account }));
    expect(error).toBeInstanceOf(errors.UpstreamStatusError);
    const explanation = { en: MESSAGES.en.status[name], ro: MESSAGES.ro.status[name] };
    expect(error).toMatchObject({ status: entry.status, code: name, explanation });
    expect((error as Error).message).toContain(explanation.en);
  });

  it('turns -2 into UnsupportedActionError and records it, then skips the upstream', async () => {
    const client = await clientFor(() => ({ envelope: { status: -2, message: 'No such action' } }));
    expect(await failure(client.call('token_list', { account }))).toMatchObject({ recordedEarlier: false });
    expect(await client.capabilities.get({ apiBaseUrl: client.baseUrl, username: 'shop' })).toEqual({
      token_list: 'unsupported',
    });
    const again = await failure(client.call('token_list', { account }));
    expect(again).toBeInstanceOf(errors.UnsupportedActionError);
    expect(again).toMatchObject({ recordedEarlier: true });
    expect(upstream!.requests).toHaveLength(1);
  });

  it('accepts -8191 as -8192 and explains an unknown negative code', async () => {
    const client = await clientFor((_, index) => ({ envelope: { status: index === 0 ? -8191 : -777 } }), {
      retry: { attempts: 1 },
    });
    expect(await failure(client.call('user_get_info', { account }))).toMatchObject({
      status: -8192,
      code: 'too_many_requests',
    });
    const unknown = await failure(client.call('user_get_info', { account }));
    expect(unknown).toMatchObject({ status: -777, code: 'unknown_error' });
    expect((unknown as errors.UpstreamStatusError).explanation.ro).toContain('-777');
  });

  it.each<[string, FakeReply, string]>([
    ['an HTML error page', { body: '<html><body><h1>502 Bad Gateway</h1></body></html>' }, 'not-json'],
    ['an empty body', { body: '' }, 'not-json'],
    ['an HTTP error status', { body: '{"status":0}', httpStatus: 503 }, 'http-status'],
    ['JSON without a status', { body: '{"message":"hello"}', contentType: 'application/json' }, 'bad-envelope'],
  ])('reports %s as an upstream fault, keeping the body', async (_, reply, reason) => {
    const client = await clientFor(() => reply);
    const error = await failure(client.call('user_get_balance', { account }));
    expect(error).toBeInstanceOf(errors.UpstreamFaultError);
    expect(error).toMatchObject({ reason, rawBody: (reply as { body: string }).body });
  });

  it('parses JSON whatever the content type', async () => {
    const client = await clientFor(() => ({
      body: '{"status":"0","message":"OK","details":"7.25"}',
      contentType: 'text/plain',
    }));
    expect((await client.call('user_get_balance', { account })).details).toBe(7.25);
  });

  it.each([
    ['strings', ['203.0.113.10']],
    ['objects with ipaddr', [{ ipaddr: '203.0.113.10' }]],
    ['an object keyed by IP', { '203.0.113.10': '2026-01-01' }],
    ['a comma-separated string', '203.0.113.10'],
  ])('normalises token_list_ips answered as %s', async (_, details) => {
    const client = await clientFor(() => ({ envelope: { status: 0, details } }));
    const result = await client.call('token_list_ips', { account, key: defaultKey });
    expect(result.details.map((entry) => entry.address)).toEqual(['203.0.113.10']);
  });

  it('reports an unknown token_list_ips shape as an upstream fault with the raw body, never an empty list', async () => {
    const client = await clientFor(() => ({ envelope: { status: 0, details: { unexpected: { shape: 42 } } } }));
    const error = await failure(client.call('token_list_ips', { account, key: defaultKey }));
    expect(error).toMatchObject({ reason: 'unknown-shape' });
    expect((error as errors.UpstreamFaultError).rawBody).toContain('"shape":42');
  });
});

describe('timeouts, resets and retries', () => {
  it('gives up after the timeout', async () => {
    const client = await clientFor(() => 'hang', { timeoutMs: 150, retry: { attempts: 1 } });
    const error = await failure(client.call('user_get_balance', { account }));
    expect(error).toBeInstanceOf(errors.UpstreamTimeoutError);
    expect((error as Error).message).toContain('0.15 seconds');
  });

  it('reports a reset connection as a network failure', async () => {
    const client = await clientFor(() => 'reset', { retry: { attempts: 1 } });
    expect(await failure(client.call('user_get_balance', { account }))).toBeInstanceOf(errors.UpstreamNetworkError);
  });

  it('retries a read on -4096, -8192 and network failures, with jittered pauses', async () => {
    const pauses: number[] = [];
    const replies: FakeReply[] = [{ envelope: { status: -4096 } }, 'reset', { envelope: { status: 0, details: 3 } }];
    const client = await clientFor((_, index) => replies[index]!, {
      sleep: async (ms) => void pauses.push(ms),
      random: () => 0.5,
      retry: { attempts: 3, baseDelayMs: 100, maxDelayMs: 1000 },
    });
    expect((await client.call('user_get_balance', { account })).details).toBe(3);
    expect(upstream!.requests).toHaveLength(3);
    expect(pauses).toEqual([50, 100]);
  });

  it('does not retry a read on other errors', async () => {
    const client = await clientFor(() => ({ envelope: { status: -8 } }));
    await failure(client.call('user_get_balance', { account }));
    expect(upstream!.requests).toHaveLength(1);
  });

  it.each<[string, () => Parameters<ReturnType<typeof createSendsmsClient>['call']>]>([
    ['token_add_ip', () => ['token_add_ip', { account, key: defaultKey, params: { ipaddr: '203.0.113.9' } }]],
    ['token_generate', () => ['token_generate', { account, params: { name: 'New', type: 'default' } }]],
    ['token_delete', () => ['token_delete', { account, params: { token: 'abcdef123456' } }]],
  ])('never retries %s, not even on -4096 or a reset', async (_, call) => {
    for (const reply of [{ envelope: { status: -4096 } }, 'reset'] as FakeReply[]) {
      const client = await clientFor(() => reply);
      await failure(client.call(...call()));
      expect(upstream!.requests).toHaveLength(1);
      await upstream!.close();
      upstream = undefined;
    }
  });
});

describe('budget and coalescing', () => {
  it('shares one upstream call among 100 identical concurrent reads', async () => {
    const client = await clientFor(async (request) => {
      await new Promise((resolve) => setTimeout(resolve, 50));
      return {
        envelope: { status: 0, details: request.searchParams.get('action') === 'user_get_info' ? { name: 'Shop' } : 9 },
      };
    });
    const results = await Promise.all(Array.from({ length: 100 }, () => client.call('user_get_balance', { account })));
    expect(results.every((result) => result.details === 9)).toBe(true);
    expect(upstream!.requests).toHaveLength(1);
    await Promise.all([client.call('user_get_balance', { account }), client.call('user_get_info', { account })]);
    expect(upstream!.requests).toHaveLength(3);
  });

  it('never coalesces writes', async () => {
    const client = await clientFor(() => ({ envelope: { status: 0 } }));
    await Promise.all(
      [1, 2].map(() => client.call('token_add_ip', { account, key: defaultKey, params: { ipaddr: '203.0.113.9' } })),
    );
    expect(upstream!.requests).toHaveLength(2);
  });

  it('fails with the wait when the account has spent its budget, without calling upstream', async () => {
    const client = await clientFor(
      (request) => ({
        envelope: { status: 0, details: request.searchParams.get('action') === 'user_get_info' ? {} : 1 },
      }),
      { budget: createMemoryBudget({ limit: 2, windowMs: 60_000 }) },
    );
    await client.call('user_get_balance', { account });
    await client.call('user_get_info', { account });
    const error = await failure(client.call('user_get_balance', { account }));
    expect(error).toBeInstanceOf(errors.BudgetExhaustedError);
    expect((error as errors.BudgetExhaustedError).retryAfterMs).toBeGreaterThan(59_000);
    expect((error as errors.BudgetExhaustedError).explanation.ro).toMatch(/permite 2 interogări pe minut/);
    expect(upstream!.requests).toHaveLength(2);
    await client.call('ping');
    expect(upstream!.requests).toHaveLength(3);
  });
});

describe('redaction', () => {
  const password = 'Pa55-word-that-must-never-leak';
  const keySecret = 'k3y-s3cret-that-must-never-leak';
  const requestKey = 'request-key-that-must-never-leak';

  it('keeps every password and key out of every log line and error message', async () => {
    const lines: string[] = [];
    const previousLevel = process.env.LOG_LEVEL;
    process.env.LOG_LEVEL = 'debug';
    const echo = (request: URL) => JSON.stringify([...request.searchParams.values()]);
    const replies: Array<(request: URL) => FakeReply> = [
      (request) => ({
        envelope: {
          status: -8,
          message: `bad password ${request.searchParams.get('password')}`,
          details: echo(request),
        },
      }),
      (request) => ({ body: `<html>${echo(request)}</html>` }),
      (request) => ({ body: echo(request), httpStatus: 500 }),
      (request) => ({
        envelope: { status: 0, details: { key: request.searchParams.get('token'), note: echo(request) } },
      }),
      () => 'reset',
      (request) => ({ envelope: { status: -4096, message: echo(request) } }),
      (request) => ({ envelope: { status: -16, details: { password: request.searchParams.get('password') } } }),
    ];
    let current = replies[0]!;
    upstream = await startFakeUpstream((request) => current(request));
    const client = createSendsmsClient({
      baseUrl: upstream.url,
      budget: UNLIMITED_BUDGET,
      log: createLogger('sendsms-test', (line) => lines.push(line)),
      sleep: async () => undefined,
      retry: { attempts: 2 },
    });
    const messages: string[] = [];
    try {
      const calls = [
        () => client.call('user_get_balance', { account: { username: 'shop', credential: password } }),
        () =>
          client.call('token_list_ips', {
            account: { username: 'shop', credential: password },
            key: { secret: keySecret, kind: 'DEFAULT', used: true },
          }),
        () =>
          client.call('token_list_ips', {
            account: { username: 'shop', credential: null },
            key: { secret: keySecret, kind: 'CLOUD', used: true },
          }),
        () => client.call('user_get_api_key', { params: { request_key: requestKey } }),
        () =>
          client.call('token_delete', {
            account: { username: 'shop', credential: password },
            params: { token: keySecret },
          }),
      ];
      for (const reply of replies) {
        current = reply;
        for (const call of calls) {
          try {
            await call();
          } catch (error) {
            messages.push(
              `${(error as Error).message}\n${JSON.stringify(error)}\n${String((error as { rawBody?: unknown }).rawBody ?? '')}`,
            );
          }
        }
      }
    } finally {
      process.env.LOG_LEVEL = previousLevel;
    }
    expect(messages.length).toBeGreaterThan(20);
    expect(lines.length).toBeGreaterThan(20);
    for (const text of [...lines, ...messages]) {
      for (const secret of [password, keySecret, requestKey, encodeURIComponent(password)])
        expect(text).not.toContain(secret);
    }
  });
});
