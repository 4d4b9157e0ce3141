import { NextResponse } from 'next/server';
import type { Locale } from '@/i18n/locales';
import { appErrorBody, isAppError, type AppError } from '@/lib/errors/app-error';
import type { ValidationIssue } from '@/lib/errors/plain-issue';
import { internalError, invalidRequest } from '@/lib/errors/refusals';
import { appErrorFromUpstream } from '@/lib/errors/upstream-error';
import type { Logger } from '@/lib/log';
import { isSendsmsError } from '@/lib/sendsms/errors';

/**
 * The one place an error becomes the API's answer: an AppError as it says, a zod error as a 422 with its issues, a
 * sendSMS error in the contract's words (upstream-error.ts), and anything else as the 500 "something went wrong",
 * logged: that one is a bug of the dashboard. Each kind is recognised by a field it carries, never by `instanceof`,
 * because Next.js may have loaded the code that threw it as another copy of the module.
 *
 * The sentences are said in `locale`, the reader's language (lib/errors/request-locale.ts reads it from the
 * request; withPermission passes the signed-in user's choice), English when none is given. The 500 says nothing of
 * the error in any language: what went wrong goes to the log only.
 */

export interface ErrorResponseOptions {
  /** The language of the sentences; English when absent. */
  locale?: Locale;
  /** Where an unknown error (a 500) is logged, and what was being done. */
  logger?: Logger;
  context?: string;
}

export function toAppError(error: unknown): AppError | null {
  if (isAppError(error)) return error;
  if (isSendsmsError(error)) return appErrorFromUpstream(error);
  if (isZodError(error)) return invalidRequest(error.issues);
  return null;
}

export function errorResponse(error: unknown, options: ErrorResponseOptions = {}): NextResponse {
  const { locale = 'en', logger, context = 'request' } = options;
  const known = toAppError(error);
  if (!known) {
    logger?.error(`${context} failed`, error);
    return respond(internalError(), locale);
  }
  return respond(known, locale);
}

function respond(error: AppError, locale: Locale): NextResponse {
  const headers = new Headers({ 'cache-control': 'no-store', 'content-language': locale });
  // Every 429 says when to come back; a second at least, since 0 would invite an immediate retry.
  const retryAfterMs = error.options.retryAfterMs ?? (error.httpStatus === 429 ? 1_000 : null);
  if (retryAfterMs !== null) headers.set('retry-after', String(Math.max(1, Math.ceil(retryAfterMs / 1000))));
  return NextResponse.json(appErrorBody(error, locale), { status: error.httpStatus, headers });
}

function isZodError(error: unknown): error is { issues: ValidationIssue[] } {
  if (typeof error !== 'object' || error === null) return false;
  const candidate = error as { name?: unknown; issues?: unknown };
  return candidate.name === 'ZodError' && Array.isArray(candidate.issues);
}
