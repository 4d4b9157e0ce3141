import { afterEach, describe, expect, it, vi } from 'vitest';

import { api, ApiError } from '@/components/api/api-client';
import { accessDenied, upstreamUnavailable } from '@/lib/errors/refusals';
import { PROGRESS_CONTENT_TYPE, progressResponse } from '@/lib/http/progress-response';
import { MESSAGES } from '@/messages';

/**
 * A long request's progress, from the route (progressResponse) to the page (api.postWithProgress): the browser's
 * fetch is answered by the route's helper itself, so both ends of the lines are the real ones.
 */

type Step = { done: number; total: number };

/** Work that reports `steps` steps, each after the one before has been read, then answers or fails. */
function work(steps: number, end: () => Promise<string>) {
  return async (onProgress: (step: Step) => void) => {
    for (let done = 0; done <= steps; done += 1) {
      onProgress({ done, total: steps });
      await new Promise((resolve) => setTimeout(resolve, 1));
    }
    return end();
  };
}

function serve(run: (onProgress: (step: Step) => void) => Promise<string>, locale: 'en' | 'ro' = 'en') {
  const fetchMock = vi.fn(async (path: string, init: RequestInit) =>
    progressResponse(new Request(`http://127.0.0.1${path}`, init), run, { locale, context: 'test' }),
  );
  vi.stubGlobal('fetch', fetchMock);
  return fetchMock;
}

afterEach(() => {
  vi.unstubAllGlobals();
});

describe('a request with its progress', () => {
  it('tells each step as it comes, then answers the result', async () => {
    const fetchMock = serve(work(3, async () => 'refreshed'));
    const seen: Step[] = [];
    await expect(api.postWithProgress('/api/x', {}, (step: Step) => seen.push(step))).resolves.toBe('refreshed');
    expect(seen).toEqual([0, 1, 2, 3].map((done) => ({ done, total: 3 })));
    expect(fetchMock.mock.calls[0]![1].headers).toMatchObject({
      accept: expect.stringContaining(PROGRESS_CONTENT_TYPE),
    });
  });

  it('answers plain JSON to a caller that does not ask for the steps', async () => {
    const response = await progressResponse(
      new Request('http://127.0.0.1/api/x', { method: 'POST' }),
      work(2, async () => 'done'),
      {
        locale: 'en',
        context: 'test',
      },
    );
    expect(response.headers.get('content-type')).toContain('application/json');
    expect(await response.json()).toBe('done');
  });

  it('refuses before the first step with the refusal itself, for the route to answer with its status', async () => {
    const refused = progressResponse(
      new Request('http://127.0.0.1/api/x', { method: 'POST', headers: { accept: PROGRESS_CONTENT_TYPE } }),
      async () => {
        throw accessDenied('not yours');
      },
      { locale: 'en', context: 'test' },
    );
    await expect(refused).rejects.toMatchObject({ httpStatus: 403 });
  });

  it('answers work that had no step of its own (it joined one already running) as plain JSON', async () => {
    serve(async () => 'joined');
    const seen: Step[] = [];
    await expect(api.postWithProgress('/api/x', {}, (step: Step) => seen.push(step))).resolves.toBe('joined');
    expect(seen).toEqual([]);
  });

  it('says a failure after the first step as the one mapper would, in the reader’s language', async () => {
    serve(
      work(1, async () => {
        throw upstreamUnavailable('upstream.network');
      }),
      'ro',
    );
    const seen: Step[] = [];
    const error = await api.postWithProgress('/api/x', {}, (step: Step) => seen.push(step)).catch((caught) => caught);
    expect(seen).toHaveLength(2);
    expect(error).toBeInstanceOf(ApiError);
    expect(error).toMatchObject({ status: 503, code: 'upstream-unavailable' });
    expect((error as ApiError).message).toContain(MESSAGES.ro.errors.upstream.network);
  });

  it('hides a bug after the first step behind the 500 sentence, saying nothing of it', async () => {
    serve(
      work(1, async () => {
        throw new Error('secret-ish internal detail');
      }),
    );
    const error = (await api.postWithProgress('/api/x', {}, () => undefined).catch((caught) => caught)) as ApiError;
    expect(error.status).toBe(500);
    expect(error.message).not.toContain('secret-ish');
  });

  it('treats an answer cut before its result, or a line that is not JSON, as unreadable', async () => {
    const stream = (text: string) =>
      new Response(text, { status: 200, headers: { 'content-type': `${PROGRESS_CONTENT_TYPE}; charset=utf-8` } });
    vi.stubGlobal(
      'fetch',
      vi.fn(async () => stream('{"type":"progress","progress":{"done":0,"total":1}}\n')),
    );
    await expect(api.postWithProgress('/api/x', {}, () => undefined)).rejects.toMatchObject({ status: 502 });
    vi.stubGlobal(
      'fetch',
      vi.fn(async () => stream('<html>proxy error</html>\n')),
    );
    await expect(api.postWithProgress('/api/x', {}, () => undefined)).rejects.toMatchObject({ status: 502 });
  });
});
