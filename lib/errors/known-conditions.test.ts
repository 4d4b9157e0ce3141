import { describe, expect, it, vi } from 'vitest';
import { errorResponse } from '@/lib/errors/error-response';
import {
  explainStatus,
  BudgetExhaustedError,
  UpstreamFaultError,
  UpstreamNetworkError,
  UpstreamStatusError,
  UpstreamTimeoutError,
} from '@/lib/sendsms/errors';
import { STATUS_CODES } from '@/lib/sendsms/status-codes';

/**
 * Every condition the dashboard knows is answered by the one mapper with its own status and the sentence the user
 * reads; "Something went wrong on the server" is left for bugs.
 */

const call = vi.fn();
vi.mock('@/lib/sendsms/server-client', () => ({
  getSendsmsClient: () => ({ call }),
  getBackgroundSendsmsClient: () => ({ call }),
}));

async function answer(error: unknown) {
  const response = errorResponse(error);
  const body = (await response.json()) as { error: string; message: string; messageRo: string; field: string | null };
  return { status: response.status, retryAfter: response.headers.get('retry-after'), body };
}

const envelope = (status: number) => ({ status, message: 'no', details: null });
const SERVER_BUG = /Something went wrong on the server/;

describe('the answers for known conditions', () => {
  it.each([
    ['-4096', STATUS_CODES.too_many_connections],
    ['-8192', STATUS_CODES.too_many_requests],
  ])('sendSMS throttling (%s) is a 429 with Retry-After and the plain sentence', async (_, code) => {
    const { status, retryAfter, body } = await answer(
      new UpstreamStatusError('token_list', code.status, envelope(code.status)),
    );
    expect(status).toBe(429);
    expect(Number(retryAfter)).toBeGreaterThan(0);
    expect(body.error).toBe('rate-limited');
    expect(body.message).toBe(`${explainStatus(code.status).en} The dashboard changed nothing.`);
  });

  it('the dashboard’s own budget spent is a 429 that says the budget in force and when to come back', async () => {
    const ten = await answer(new BudgetExhaustedError('token_list', 4_200, 10));
    expect(ten).toMatchObject({ status: 429, retryAfter: '5', body: { error: 'rate-limited' } });
    expect(ten.body.message).toMatch(/^sendSMS allows 10 queries a minute per account .* Try again in 5 s\./);
    expect(ten.body.messageRo).toMatch(/^sendSMS permite 10 interogări pe minut/);
  });

  it('a different budget changes the sentence', async () => {
    const four = await answer(new BudgetExhaustedError('token_list', 1_000, 4));
    expect(four.body.message).toMatch(/^sendSMS allows 4 queries a minute per account/);
    const one = await answer(new BudgetExhaustedError('token_list', 1_000, 1));
    expect(one.body.message).toMatch(/^sendSMS allows 1 query a minute per account/);
    const twenty = await answer(new BudgetExhaustedError('token_list', 1_000, 20));
    expect(twenty.body.messageRo).toMatch(/^sendSMS permite 20 de interogări pe minut/);
  });

  it.each([
    ['a timeout', new UpstreamTimeoutError('token_list', 10_000)],
    ['a refused connection', new UpstreamNetworkError('token_list', 'ECONNREFUSED')],
    ['an answer that is not sendSMS’s', new UpstreamFaultError('token_list', 'not-json', '<html>', 200)],
    ['sendSMS’s internal error (-16)', new UpstreamStatusError('token_list', -16, envelope(-16))],
  ])('sendSMS unreachable (%s) is a 503 whose sentence says nothing was changed', async (_, error) => {
    const { status, body } = await answer(error);
    expect(status).toBe(503);
    expect(body.error).toBe('upstream-unavailable');
    expect(body.message).toMatch(/The dashboard changed nothing\.$/);
    expect(body.message).not.toMatch(SERVER_BUG);
  });

  it('credentials sendSMS refuses are a 422 on the credential field, and sendSMS down while checking them a 503', async () => {
    const { checkAccountCredential } = await import('@/lib/accounts/check-credential');
    call.mockRejectedValueOnce(new UpstreamStatusError('user_get_balance', -8, envelope(-8)));
    const refused = await answer(await checkAccountCredential('http://sendsms.test', 'shop', 'wrong').catch((e) => e));
    expect(refused).toMatchObject({ status: 422, body: { error: 'credentials-refused', field: 'credential' } });
    expect(refused.body.message).toMatch(/^sendSMS refused these credentials: /);

    call.mockRejectedValueOnce(new UpstreamTimeoutError('user_get_balance', 10_000));
    const down = await answer(await checkAccountCredential('http://sendsms.test', 'shop', 'x').catch((e) => e));
    expect(down).toMatchObject({ status: 503, body: { error: 'upstream-unavailable' } });
    expect(down.body.message).toMatch(/Nothing was saved\.$/);
  });

  it('keeps "Something went wrong on the server" for what nobody expected', async () => {
    const { status, body } = await answer(new TypeError('x is undefined'));
    expect(status).toBe(500);
    expect(body.message).toMatch(SERVER_BUG);
  });
});
