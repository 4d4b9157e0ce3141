import { describe, expect, it, vi } from 'vitest';
import { z } from 'zod';
import { AppError } from '@/lib/errors/app-error';
import { errorResponse } from '@/lib/errors/error-response';
import { accessDenied, conflict, invalid, notFound, rateLimited, unauthenticated } from '@/lib/errors/refusals';
import { errorText, literalText } from '@/lib/errors/text/localized-text';
import type { Logger } from '@/lib/log';
import { SendsmsError } from '@/lib/sendsms/errors';

/**
 * The one mapper, fed errors made by another copy of their modules (as Next.js loads a page and a route), so that
 * nothing in it can lean on instanceof.
 */

async function foreignSendsmsErrors() {
  vi.resetModules();
  const copy = await import('@/lib/sendsms/errors');
  vi.resetModules();
  return copy;
}

const envelope = (status: number) => ({ status, message: 'no', details: null });

async function answer(error: unknown, locale: 'en' | 'ro' = 'en') {
  const response = errorResponse(error, { locale });
  return {
    status: response.status,
    retryAfter: response.headers.get('retry-after'),
    body: (await response.json()) as Record<string, unknown>,
  };
}

describe('errorResponse', () => {
  it('answers every sendSMS failure from another module copy with its status, never 500', async () => {
    const foreign = await foreignSendsmsErrors();
    // The premise: what another copy throws is not an instance of this copy's class.
    expect(new foreign.UpstreamTimeoutError('token_list', 500)).not.toBeInstanceOf(SendsmsError);
    const cases: Array<[unknown, number, string]> = [
      [new foreign.BudgetExhaustedError('token_list', 12_300, 10), 429, 'rate-limited'],
      [new foreign.UpstreamStatusError('token_list', -4096, envelope(-4096)), 429, 'rate-limited'],
      [new foreign.UpstreamStatusError('token_list', -8192, envelope(-8192)), 429, 'rate-limited'],
      [new foreign.UpstreamStatusError('token_list', -8191, envelope(-8191)), 429, 'rate-limited'],
      [new foreign.UpstreamStatusError('token_list', -16, envelope(-16)), 503, 'upstream-unavailable'],
      [new foreign.UpstreamStatusError('token_add_ip', -8, envelope(-8)), 502, 'upstream-refused'],
      [new foreign.UpstreamStatusError('token_add_ip', -99999, envelope(-99999)), 502, 'upstream-refused'],
      [new foreign.UpstreamTimeoutError('token_list', 500), 503, 'upstream-unavailable'],
      [new foreign.UpstreamNetworkError('token_list', 'ECONNRESET'), 503, 'upstream-unavailable'],
      [new foreign.UpstreamFaultError('token_list', 'not-json', '<html>', 502), 503, 'upstream-unavailable'],
      [new foreign.UpstreamFaultError('token_list', 'unknown-shape', '{}', 200), 503, 'upstream-unavailable'],
      [new foreign.UnsupportedActionError('token_generate', false), 501, 'unsupported'],
      [new foreign.DefaultKeyFirstUseError('token_list_ips'), 409, 'confirmation-required'],
      [new foreign.InvalidRequestError('token_add_ip', 'ipaddr is missing'), 422, 'invalid'],
    ];
    for (const [error, status, code] of cases) {
      const { status: answered, body } = await answer(error);
      expect({ code: body.error, status: answered }).toEqual({ code, status });
      expect(body.message).toEqual(expect.any(String));
      expect(body.messageRo).toEqual(expect.any(String));
    }
  });

  it('sends Retry-After with every 429: the budget’s own wait, or a short pause after sendSMS throttled', async () => {
    const foreign = await foreignSendsmsErrors();
    const budget = await answer(new foreign.BudgetExhaustedError('token_list', 12_300, 10));
    expect(budget).toMatchObject({ status: 429, retryAfter: '13', body: { retryable: true, retryAfterMs: 12_300 } });
    const throttled = await answer(new foreign.UpstreamStatusError('token_list', -4096, envelope(-4096)));
    expect(throttled).toMatchObject({
      status: 429,
      retryAfter: '10',
      body: { upstreamStatus: -4096, retryable: true },
    });
    const down = await answer(new foreign.UpstreamTimeoutError('token_list', 500));
    expect(down.body.message).toContain('The dashboard changed nothing.');
    expect(await answer(rateLimited(literalText('Wait a moment.')))).toMatchObject({
      status: 429,
      retryAfter: '1',
    });
  });

  it('answers every refusal and a foreign copy of the error type as they say', async () => {
    expect(await answer(notFound('notFound.key'))).toMatchObject({
      status: 404,
      body: { error: 'not-found', message: 'There is no such key in this account.' },
    });
    expect(await answer(accessDenied('Not a member', 'acc-1'))).toMatchObject({
      status: 403,
      body: { error: 'forbidden', message: 'Not a member' },
    });
    expect(
      await answer(conflict('keys.alreadyListed', { values: { name: 'Shop' }, details: { hint: 'x' } })),
    ).toMatchObject({
      status: 409,
      body: { error: 'conflict', message: 'This key is already in the list as "Shop".', hint: 'x' },
    });
    expect(await answer(new AppError('conflict', errorText('users.notYourself'), { field: 'name' }))).toMatchObject({
      status: 409,
      body: { field: 'name', retryable: false, upstreamStatus: null },
    });
    vi.resetModules();
    const copy = await import('@/lib/errors/app-error');
    expect(
      await answer(new copy.AppError('rate-limited', errorText('upstream.network'), { retryAfterMs: 1 }), 'ro'),
    ).toMatchObject({
      status: 429,
      retryAfter: '1',
      body: { message: 'Conexiunea cu sendSMS a eșuat sau a fost întreruptă înainte de răspuns.' },
    });
  });

  it('answers a zod error with 422 and sentences a person reads, never prefixed with the field', async () => {
    const schema = z.object({
      name: z.string().min(1, 'Give the key a name'),
      ip: z.string().min(1, 'enter an address'),
    });
    const parsed = schema.safeParse({ name: '', ip: '' });
    const { status, body } = await answer(parsed.error);
    expect(status).toBe(422);
    expect(body).toMatchObject({
      error: 'invalid',
      message: 'Give the key a name',
      field: 'name',
      issues: [
        { path: 'name', message: 'Give the key a name' },
        { path: 'ip', message: 'Enter an address' },
      ],
    });
  });

  it('answers in the reader’s language: the sentence, the issues and sendSMS’s meaning', async () => {
    const missing = await answer(notFound('notFound.key'), 'ro');
    expect(missing).toMatchObject({ status: 404, body: { message: 'Nu există o astfel de cheie în acest cont.' } });
    expect(missing.body.messageRo).toBe(missing.body.message);

    expect((await answer(unauthenticated(), 'ro')).body.message).toBe(
      'Sesiunea dvs. s-a încheiat: autentificați-vă din nou pentru a continua',
    );
    expect((await answer(invalid('keys.confirmDelete', { values: { name: 'Shop' } }), 'ro')).body.message).toBe(
      'Tastați numele cheii, „Shop”, pentru a confirma.',
    );

    const parsed = z.object({ name: z.string().min(3), flag: z.boolean() }).safeParse({ name: 'a' });
    expect((await answer(parsed.error, 'ro')).body).toMatchObject({
      message: 'Folosiți cel puțin 3 caractere.',
      field: 'name',
      issues: [
        { path: 'name', message: 'Folosiți cel puțin 3 caractere.' },
        { path: 'flag', message: 'Completați acest câmp.' },
      ],
    });

    const foreign = await foreignSendsmsErrors();
    const refused = await answer(new foreign.UpstreamStatusError('token_add_ip', -128, envelope(-128)), 'ro');
    expect(refused).toMatchObject({
      status: 502,
      body: { message: 'O valoare trimisă nu este validă (de exemplu o adresă IP greșită).', upstreamStatus: -128 },
    });
    const throttled = await answer(new foreign.BudgetExhaustedError('token_list', 4_200, 20), 'ro');
    expect(throttled.body.message).toBe(
      'sendSMS permite 20 de interogări pe minut pentru fiecare cont, iar acest cont le-a folosit. Încercați din nou în 5 s. Panoul nu a modificat nimic.',
    );
    const english = await answer(new foreign.BudgetExhaustedError('token_list', 4_200, 20));
    expect(english.body).toMatchObject({
      message:
        'sendSMS allows 20 queries a minute per account and this account has used them. Try again in 5 s. The dashboard changed nothing.',
      messageRo: throttled.body.message,
    });
  });

  it('says a 500 in either language without a word of what went wrong', async () => {
    const secret = new Error('password=hunter2 at db.internal:5432');
    for (const locale of ['en', 'ro'] as const) {
      const response = errorResponse(secret, { locale });
      expect(response.status).toBe(500);
      const body = JSON.stringify(await response.json());
      expect(body).not.toMatch(/hunter2|db\.internal|password/);
    }
    expect((await answer(secret)).body.message).toBe('Something went wrong on the server; the error has been logged.');
    expect((await answer(secret, 'ro')).body.message).toBe('A apărut o eroare pe server; eroarea a fost înregistrată.');
  });

  it('keeps 500 for what it does not know, and logs it', async () => {
    const logged: string[] = [];
    const logger = { error: (message: string) => logged.push(message) } as unknown as Logger;
    const response = errorResponse(new TypeError('x is undefined'), { logger, context: 'GET /api/thing' });
    expect(response.status).toBe(500);
    expect(await response.json()).toMatchObject({ error: 'internal' });
    expect(logged).toEqual(['GET /api/thing failed']);
  });
});
