import 'server-only';
import { NextResponse } from 'next/server';

import type { Locale } from '@/i18n/locales';
import { errorResponse } from '@/lib/errors/error-response';
import { createLogger } from '@/lib/log';

/**
 * The answer of a request that takes a while (a refresh of many keys), with its progress for whoever asks for it:
 * a caller that accepts `application/x-ndjson` gets one JSON line per step, `{"type":"progress","progress":…}`, then
 * `{"type":"result","result":…}`, or `{"type":"error","status":…,"error":…}` with the body the one error mapper
 * (lib/errors/error-response.ts) would have answered. Any other caller gets the result as plain JSON, as before.
 *
 * Nothing is streamed before the work has started: a refusal (no permission, an unknown key, an invalid body) comes
 * before the first step and is answered with its own status, as for any request. Only what fails after the first
 * step is said in the stream, whose status (200) is already sent by then.
 */

export const PROGRESS_CONTENT_TYPE = 'application/x-ndjson';

const log = createLogger('progress');

export type ProgressLine<P, R> =
  { type: 'progress'; progress: P } | { type: 'result'; result: R } | { type: 'error'; status: number; error: unknown };

export async function progressResponse<P, R>(
  request: Request,
  run: (onProgress: (progress: P) => void) => Promise<R>,
  options: { locale: Locale; context: string },
): Promise<Response> {
  const plain = (result: R) => NextResponse.json(result, { headers: { 'cache-control': 'no-store' } });
  if (!(request.headers.get('accept') ?? '').includes(PROGRESS_CONTENT_TYPE)) return plain(await run(() => undefined));

  const pending: P[] = [];
  let send: ((line: ProgressLine<P, R>) => void) | null = null;
  let started: () => void = () => undefined;
  const firstStep = new Promise<'started'>((resolve) => (started = () => resolve('started')));
  const running = run((progress) => {
    if (send) send({ type: 'progress', progress });
    else pending.push(progress);
    started();
  });
  // A refusal before the first step rejects here and reaches the route's error mapper; a refresh that joined one
  // already running (no steps of its own) has its result here.
  if ((await Promise.race([firstStep, running.then(() => 'finished' as const)])) === 'finished')
    return plain(await running);

  const encoder = new TextEncoder();
  const stream = new ReadableStream<Uint8Array>({
    start(controller) {
      let open = true;
      const write = (line: ProgressLine<P, R>) => {
        if (!open) return;
        try {
          controller.enqueue(encoder.encode(`${JSON.stringify(line)}\n`));
        } catch {
          // The reader left (the page closed): the work goes on and is recorded; nobody is told.
          open = false;
        }
      };
      const close = () => {
        if (!open) return;
        open = false;
        controller.close();
      };
      for (const progress of pending.splice(0)) write({ type: 'progress', progress });
      send = write;
      running.then(
        (result) => {
          write({ type: 'result', result });
          close();
        },
        async (error: unknown) => {
          const mapped = errorResponse(error, { locale: options.locale, logger: log, context: options.context });
          write({ type: 'error', status: mapped.status, error: await mapped.json() });
          close();
        },
      );
    },
    cancel() {
      send = null;
    },
  });
  return new Response(stream, {
    headers: {
      'content-type': `${PROGRESS_CONTENT_TYPE}; charset=utf-8`,
      'cache-control': 'no-store',
      // Each line as it is written, not when the answer is complete (proxies that buffer by default).
      'x-accel-buffering': 'no',
    },
  });
}
