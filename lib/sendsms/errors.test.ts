import { describe, expect, it, vi } from 'vitest';
import { isSendsmsError, isUpstreamStatus, sendsmsErrorOf, SendsmsError, upstreamStatusOf } from '@/lib/sendsms/errors';
import { isRetryableFailure } from '@/lib/sendsms/retry';

/** Errors thrown by another copy of the module (as Next.js loads a page and a route) are still recognised. */

async function foreignCopy() {
  vi.resetModules();
  const copy = await import('@/lib/sendsms/errors');
  vi.resetModules();
  return copy;
}

describe('sendSMS errors across module copies', () => {
  it('are recognised by their brand and kind, not their class', async () => {
    const foreign = await foreignCopy();
    const refused = new foreign.UpstreamStatusError('token_add_ip', -512, {
      status: -512,
      message: 'exists',
      details: null,
    });
    expect(refused).not.toBeInstanceOf(SendsmsError);
    expect(isSendsmsError(refused)).toBe(true);
    expect(isUpstreamStatus(refused, -512)).toBe(true);
    expect(isUpstreamStatus(refused, -8)).toBe(false);
    expect(upstreamStatusOf(refused)).toBe(-512);
    expect(upstreamStatusOf(new foreign.UnsupportedActionError('token_list', true))).toBe(-2);
    expect(
      sendsmsErrorOf(new foreign.DefaultKeyFirstUseError('token_list_ips'), 'default-key-first-use'),
    ).not.toBeNull();
    expect(
      sendsmsErrorOf(new foreign.BudgetExhaustedError('token_list', 1_000, 10), 'default-key-first-use'),
    ).toBeNull();
    expect(isSendsmsError(new Error('plain'))).toBe(false);
    expect(isSendsmsError({ kind: 'status' })).toBe(false);
  });

  it('are retried when they mean "not now", whichever copy threw them', async () => {
    const foreign = await foreignCopy();
    expect(isRetryableFailure(new foreign.UpstreamTimeoutError('token_list', 500))).toBe(true);
    expect(isRetryableFailure(new foreign.UpstreamNetworkError('token_list', 'ECONNRESET'))).toBe(true);
    expect(
      isRetryableFailure(
        new foreign.UpstreamStatusError('token_list', -4096, { status: -4096, message: '', details: null }),
      ),
    ).toBe(true);
    expect(
      isRetryableFailure(new foreign.UpstreamStatusError('token_list', -8, { status: -8, message: '', details: null })),
    ).toBe(false);
  });
});
