'use client';

import { createTranslator } from 'next-intl';

import type { AppErrorBody } from '@/lib/errors/app-error';
import enStatus from '@/messages/en/status.json';

/**
 * The browser's one way to call the dashboard's own JSON routes. Every refusal comes back as an ApiError carrying
 * the server's sentence, in the reader's language (lib/errors/app-error.ts, AppErrorBody), and its field errors by
 * path. A 401 means the session ended while the page was open: the request waits while the sign-in-again dialog is
 * shown (nothing navigates, so what was typed stays), then is sent once more with the new session.
 */

/**
 * What the client says itself, when no sentence came from the server (it could not be reached, or answered without
 * one): the `status` messages' answer.*, in the reader's language once <QueryProvider> has set them, English before.
 */
export interface ClientWords {
  unreachable: string;
  failed: (status: number) => string;
  unexpected: string;
}

function wordsFrom(t: (key: 'unreachable' | 'failed' | 'unexpected', values?: { status: number }) => string) {
  return {
    unreachable: t('unreachable'),
    failed: (status: number) => t('failed', { status }),
    unexpected: t('unexpected'),
  };
}

let words: ClientWords = wordsFrom(
  createTranslator({ locale: 'en', messages: { status: enStatus }, namespace: 'status.answer' }),
);

/** Set by <QueryProvider> with the reader's language; the words every ApiError and form fallback use. */
export function setClientWords(next: ClientWords): void {
  words = next;
}

/** The words in use now. */
export function clientWords(): ClientWords {
  return words;
}

export class ApiError extends Error {
  /** The server's code (`invalid`, `confirmation-required`, …); `network` when the dashboard did not answer. */
  readonly code: string;
  /** Field path (dot-separated, as the request names it) → the sentence about that field. */
  readonly fieldErrors: Readonly<Record<string, string>>;
  /** Whether the same request may succeed if tried again. */
  readonly retryable: boolean;
  readonly retryAfterMs: number | null;

  constructor(
    /** The HTTP status; 0 when the dashboard could not be reached. */
    readonly status: number,
    message: string,
    readonly body: Partial<AppErrorBody> | null = null,
  ) {
    super(message);
    this.name = 'ApiError';
    this.code = typeof body?.error === 'string' ? body.error : status === 0 ? 'network' : 'error';
    this.fieldErrors = fieldErrorsOf(body, message);
    this.retryable = typeof body?.retryable === 'boolean' ? body.retryable : status === 0 || status >= 500;
    this.retryAfterMs = typeof body?.retryAfterMs === 'number' ? body.retryAfterMs : null;
  }
}

/** The error of a response that is not ok, from the server's JSON body when it sent one. */
export function apiErrorOf(status: number, body: unknown): ApiError {
  const parsed = isRecord(body) ? (body as Partial<AppErrorBody>) : null;
  const message = typeof parsed?.message === 'string' && parsed.message !== '' ? parsed.message : words.failed(status);
  return new ApiError(status, message, parsed);
}

function fieldErrorsOf(body: Partial<AppErrorBody> | null, message: string): Record<string, string> {
  const errors: Record<string, string> = {};
  for (const issue of Array.isArray(body?.issues) ? body.issues : []) {
    // The first sentence about a field is the one shown; '' is the request as a whole, not a field.
    if (isRecord(issue) && typeof issue.path === 'string' && issue.path !== '' && typeof issue.message === 'string')
      errors[issue.path] ??= issue.message;
  }
  if (typeof body?.field === 'string' && body.field !== '') errors[body.field] ??= message;
  return errors;
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** Resolves true once the user has signed in again, false when they gave up. */
export type SessionExpiredHandler = () => Promise<boolean>;
let onSessionExpired: SessionExpiredHandler | null = null;

/** Registered by <SessionExpiryProvider>; without one (the sign-in and set-up pages) a 401 is an ApiError. */
export function setSessionExpiredHandler(handler: SessionExpiredHandler | null): void {
  onSessionExpired = handler;
}

type Method = 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE';

/** Sends once more after the user signed in again (a 401 mid-form); a network failure is an ApiError. */
async function send(method: Method, path: string, body: unknown, accept?: string): Promise<Response> {
  const once = async (): Promise<Response> => {
    try {
      return await fetch(path, {
        method,
        headers: {
          ...(body === undefined ? {} : { 'content-type': 'application/json' }),
          ...(accept ? { accept } : {}),
        },
        body: body === undefined ? undefined : JSON.stringify(body),
        credentials: 'same-origin',
        cache: 'no-store',
      });
    } catch {
      throw new ApiError(0, words.unreachable);
    }
  };
  const response = await once();
  // Once: a second 401 right after signing in again is the answer, not a reason to ask again.
  if (response.status === 401 && onSessionExpired && (await onSessionExpired())) return once();
  return response;
}

async function request<T>(method: Method, path: string, body?: unknown): Promise<T> {
  const response = await send(method, path, body);
  const payload: unknown = await response.json().catch(() => null);
  if (!response.ok) throw apiErrorOf(response.status, payload);
  return payload as T;
}

/** The lines of lib/http/progress-response.ts. */
const PROGRESS_CONTENT_TYPE = 'application/x-ndjson';
type ProgressLine =
  | { type: 'progress'; progress: unknown }
  | { type: 'result'; result: unknown }
  | { type: 'error'; status: number; error: unknown };

/**
 * A POST to a route that says how far it has gone while it works (lib/http/progress-response.ts): `onProgress` is
 * called with each step as it arrives; the result, or the refusal as an ApiError, as for any request. A route that
 * answers at once (a refusal, or work another request had already started) answers as plain JSON.
 */
async function postWithProgress<T, P>(path: string, body: unknown, onProgress: (progress: P) => void): Promise<T> {
  const response = await send('POST', path, body, `${PROGRESS_CONTENT_TYPE}, application/json`);
  if (!response.ok || !(response.headers.get('content-type') ?? '').includes(PROGRESS_CONTENT_TYPE) || !response.body) {
    const payload: unknown = await response.json().catch(() => null);
    if (!response.ok) throw apiErrorOf(response.status, payload);
    return payload as T;
  }
  const reader = response.body.pipeThrough(new TextDecoderStream()).getReader();
  let buffered = '';
  for (;;) {
    let chunk: ReadableStreamReadResult<string>;
    try {
      chunk = await reader.read();
    } catch {
      // The connection dropped mid-way: the work may have finished on the server, which the page reloads to learn.
      throw new ApiError(0, words.unreachable);
    }
    if (chunk.done) break;
    buffered += chunk.value;
    const lines = buffered.split('\n');
    buffered = lines.pop() ?? '';
    for (const text of lines) {
      if (text.trim() === '') continue;
      let line: ProgressLine;
      try {
        line = JSON.parse(text) as ProgressLine;
      } catch {
        throw new ApiError(502, words.unexpected);
      }
      if (line.type === 'progress') onProgress(line.progress as P);
      else if (line.type === 'result') return line.result as T;
      else if (line.type === 'error') throw apiErrorOf(line.status, line.error);
    }
  }
  // The answer ended without its result: as an answer the page cannot read.
  throw new ApiError(502, words.unexpected);
}

export const api = {
  get: <T>(path: string) => request<T>('GET', path),
  post: <T>(path: string, body?: unknown) => request<T>('POST', path, body),
  put: <T>(path: string, body?: unknown) => request<T>('PUT', path, body),
  patch: <T>(path: string, body?: unknown) => request<T>('PATCH', path, body),
  delete: <T>(path: string, body?: unknown) => request<T>('DELETE', path, body),
  postWithProgress,
};
