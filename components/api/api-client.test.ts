import { afterEach, describe, expect, it, vi } from 'vitest';

import { api, ApiError, setSessionExpiredHandler } from './api-client';
import { errorSentence, fieldError } from './form-error';

function json(status: number, body: unknown): Response {
  return new Response(JSON.stringify(body), { status, headers: { 'content-type': 'application/json' } });
}

const expired = () =>
  json(401, { error: 'unauthenticated', message: 'Your session has ended: sign in again to continue' });

function stubFetch(...answers: Array<Response | Error>) {
  const fetchMock = vi.fn(async () => {
    const next = answers.shift();
    if (!next) throw new Error('no more answers');
    if (next instanceof Error) throw next;
    return next;
  });
  vi.stubGlobal('fetch', fetchMock);
  return fetchMock;
}

async function failure(promise: Promise<unknown>): Promise<ApiError> {
  const error = await promise.then(
    () => null,
    (caught: unknown) => caught,
  );
  expect(error).toBeInstanceOf(ApiError);
  return error as ApiError;
}

afterEach(() => {
  vi.unstubAllGlobals();
  setSessionExpiredHandler(null);
});

describe('api client', () => {
  it('sends JSON and answers the parsed body', async () => {
    const fetchMock = stubFetch(json(200, { id: 'k1' }));
    await expect(api.patch<{ id: string }>('/api/accounts/a/keys/k1', { name: 'New' })).resolves.toEqual({ id: 'k1' });
    expect(fetchMock).toHaveBeenCalledWith(
      '/api/accounts/a/keys/k1',
      expect.objectContaining({
        method: 'PATCH',
        body: JSON.stringify({ name: 'New' }),
        headers: { 'content-type': 'application/json' },
      }),
    );
  });

  it("reads the server's error body: its sentence, code, status, retry-after and field errors by path", async () => {
    stubFetch(
      json(422, {
        error: 'invalid',
        message: 'Give the key a name',
        messageRo: null,
        retryable: false,
        upstreamStatus: null,
        retryAfterMs: null,
        field: 'name',
        issues: [
          { path: 'name', message: 'Give the key a name' },
          { path: 'params.ipaddr', message: 'Enter an IPv4 or IPv6 address' },
          { path: 'params.ipaddr', message: 'a second sentence about the same field' },
          { path: '', message: 'about the request as a whole' },
        ],
      }),
    );
    const error = await failure(api.post('/api/accounts/a/keys', { name: '' }));
    expect(error.message).toBe('Give the key a name');
    expect(error.status).toBe(422);
    expect(error.code).toBe('invalid');
    expect(error.retryable).toBe(false);
    expect(error.fieldErrors).toEqual({
      name: 'Give the key a name',
      'params.ipaddr': 'Enter an IPv4 or IPv6 address',
    });
    expect(fieldError(error, 'ipaddr', 'params.ipaddr')).toBe('Enter an IPv4 or IPv6 address');
    expect(fieldError(error, 'secret')).toBeUndefined();
  });

  it('puts a sentence that names a field but has no issues beside that field', async () => {
    stubFetch(json(422, { error: 'refused', message: 'sendSMS refused these credentials', field: 'credential' }));
    const error = await failure(api.post('/api/accounts', {}));
    expect(error.fieldErrors).toEqual({ credential: 'sendSMS refused these credentials' });
  });

  it('carries how long to wait when sendSMS throttles', async () => {
    stubFetch(json(429, { error: 'throttled', message: 'Wait a minute', retryable: true, retryAfterMs: 42_000 }));
    const error = await failure(api.post('/api/accounts/a/keys/refresh', {}));
    expect(error).toMatchObject({ status: 429, retryable: true, retryAfterMs: 42_000, message: 'Wait a minute' });
  });

  it('says the status when the body is not the JSON it expects, and that the dashboard is unreachable on a network error', async () => {
    stubFetch(new Response('<html>Bad gateway</html>', { status: 502 }), new TypeError('Failed to fetch'));
    const gateway = await failure(api.get('/api/accounts'));
    expect(gateway).toMatchObject({ status: 502, code: 'error', retryable: true, fieldErrors: {} });
    expect(gateway.message).toBe('The request failed (HTTP 502).');
    const offline = await failure(api.get('/api/accounts'));
    expect(offline).toMatchObject({ status: 0, code: 'network', retryable: true });
    expect(errorSentence(offline)).toMatch(/could not be reached/);
  });

  it('on a 401 asks the session-expiry handler, then sends the same request again once signed in', async () => {
    const fetchMock = stubFetch(expired(), json(201, { ok: true }));
    const handler = vi.fn(async () => true);
    setSessionExpiredHandler(handler);
    await expect(api.post('/api/accounts/a/requests', { action: 'user_get_balance' })).resolves.toEqual({ ok: true });
    expect(handler).toHaveBeenCalledTimes(1);
    expect(fetchMock).toHaveBeenCalledTimes(2);
    const [first, second] = fetchMock.mock.calls as unknown as Array<[string, RequestInit]>;
    expect(second).toEqual(first);
  });

  it('gives up with the 401 when the user dismisses the dialog, and does not ask twice in a row', async () => {
    stubFetch(expired(), expired(), expired());
    setSessionExpiredHandler(async () => false);
    const dismissed = await failure(api.get('/api/users'));
    expect(dismissed).toMatchObject({ status: 401, code: 'unauthenticated' });

    const handler = vi.fn(async () => true);
    setSessionExpiredHandler(handler);
    const stillExpired = await failure(api.get('/api/users'));
    expect(stillExpired.status).toBe(401);
    expect(handler).toHaveBeenCalledTimes(1);
  });

  it('without a handler (the sign-in and set-up pages) a 401 is an error like any other', async () => {
    stubFetch(expired());
    const error = await failure(api.post('/api/auth/setup', {}));
    expect(error.message).toBe('Your session has ended: sign in again to continue');
  });
});
