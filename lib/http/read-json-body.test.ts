import { describe, expect, it } from 'vitest';
import { MAX_JSON_BODY_BYTES, readJsonBody } from '@/lib/http/read-json-body';

const post = (body: BodyInit | null, headers: Record<string, string> = {}) =>
  new Request('http://127.0.0.1/api/x', {
    method: 'POST',
    body,
    headers: { 'content-type': 'application/json', ...headers },
    duplex: 'half',
  } as RequestInit);

/** A body sent in pieces with no Content-Length, as a chunked upload arrives. */
function streamed(pieces: number, pieceSize: number): { stream: ReadableStream<Uint8Array>; pulled: () => number } {
  let pulled = 0;
  const stream = new ReadableStream<Uint8Array>({
    pull(controller) {
      if (pulled === pieces) return controller.close();
      pulled += 1;
      controller.enqueue(new Uint8Array(pieceSize).fill(0x20));
    },
  });
  return { stream, pulled: () => pulled };
}

describe('readJsonBody', () => {
  it('parses a JSON body under the limit', async () => {
    expect(await readJsonBody(post(JSON.stringify({ name: 'Ștefan 📱' })))).toEqual({
      ok: true,
      value: { name: 'Ștefan 📱' },
    });
  });

  it('refuses a body whose Content-Length is over the limit, unread', async () => {
    const read = await readJsonBody(post('{}', { 'content-length': String(20 * 1024 * 1024) }));
    expect(read).toMatchObject({
      ok: false,
      error: { code: 'too_large', httpStatus: 413, message: expect.stringMatching(/larger than 64 KB/) },
    });
  });

  it('refuses a streamed body as soon as it passes the limit, without reading the rest', async () => {
    const body = streamed(1_000, 16 * 1024);
    const read = await readJsonBody(post(body.stream));
    expect(read).toMatchObject({ ok: false, error: { httpStatus: 413 } });
    expect(body.pulled()).toBeLessThan(10);
  });

  it('accepts a body of exactly the limit', async () => {
    const padded = `"${'a'.repeat(MAX_JSON_BODY_BYTES - 2)}"`;
    expect(await readJsonBody(post(padded))).toMatchObject({ ok: true });
    expect(await readJsonBody(post(`${padded} `))).toMatchObject({ ok: false, error: { httpStatus: 413 } });
  });

  it.each([
    ['no body', null],
    ['an empty body', ''],
    ['malformed JSON', '{"name": '],
    ['bytes that are not UTF-8', new Uint8Array([0x22, 0xff, 0xfe, 0x22])],
  ])('answers 422 for %s', async (_, body) => {
    expect(await readJsonBody(post(body))).toMatchObject({
      ok: false,
      error: { code: 'invalid', httpStatus: 422, message: 'The request body must be JSON' },
    });
  });
});
