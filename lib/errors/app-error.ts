import type { Locale } from '@/i18n/locales';
import { isLocalizedText, say, type LocalizedText } from '@/lib/errors/text/localized-text';

/**
 * The one server error type: "this request cannot be done, and here is why". It carries a code the browser can act
 * on, the HTTP status, the sentence for the person reading the screen as a message key and its values (said in the
 * reader's language only when it is answered: `text`; `message` is the English, for logs and the audit log), and
 * optionally the field it is about, the issues of a form, how long to wait before trying again, and what sendSMS
 * answered. lib/errors/error-response.ts turns it into the response.
 *
 * Recognised by its brand (`appError: true`) and its code, never by `instanceof`: Next.js loads a module once per
 * bundle (a page, a route, the instrumentation), so an error made by one copy of this class is not an instance of
 * another copy's.
 */

/** A field's issue as the answer carries it, in the reader's language. */
export interface FieldIssue {
  /** The field's path in the request, dot-separated ('' for the request as a whole). */
  path: string;
  /** A sentence a person reads, never prefixed with the field's key. */
  message: string;
}

/** A field's issue as the error keeps it, until it is answered. */
export interface FieldIssueText {
  path: string;
  text: LocalizedText;
}

export interface AppErrorOptions {
  /** Whether trying the same request again later may succeed. */
  retryable?: boolean;
  /** sendSMS's status when it was sendSMS that said no (for the audit log and the screen). */
  upstreamStatus?: number | null;
  /** Sent as Retry-After (rounded up to seconds) and as `retryAfterMs`. */
  retryAfterMs?: number | null;
  /** The form field the sentence is about, so the page can show it there. */
  field?: string | null;
  issues?: FieldIssueText[];
  /** The account a refusal concerns: a 403 is written to the audit log against it. */
  accountId?: string | null;
  /** More JSON fields the browser reads, kept as they are. */
  details?: Record<string, unknown>;
}

/**
 * Every code the dashboard answers with, and its HTTP status: the one table. The codes are the browser's contract
 * (components/*-api.ts act on some of them); lib/errors/refusals.ts has one factory per code.
 */
export const HTTP_STATUS_OF_CODE = {
  'bad-address': 400,
  unauthenticated: 401,
  forbidden: 403,
  'not-found': 404,
  conflict: 409,
  'confirmation-required': 409,
  too_large: 413,
  invalid: 422,
  'credentials-refused': 422,
  'rate-limited': 429,
  internal: 500,
  unsupported: 501,
  'upstream-refused': 502,
  'upstream-unavailable': 503,
} as const satisfies Record<string, number>;

export type AppErrorCode = keyof typeof HTTP_STATUS_OF_CODE;

export class AppError extends Error {
  readonly appError = true as const;
  /** Decided by the code alone (HTTP_STATUS_OF_CODE), so that a code always answers with the same status. */
  readonly httpStatus: number;

  constructor(
    readonly code: AppErrorCode,
    /** The sentence, said in the reader's language when answered (lib/errors/text/localized-text.ts). */
    readonly text: LocalizedText,
    readonly options: AppErrorOptions = {},
  ) {
    super(say(text, 'en'));
    this.name = 'AppError';
    this.httpStatus = HTTP_STATUS_OF_CODE[code];
  }

  get retryable(): boolean {
    return this.options.retryable ?? false;
  }

  toJSON(): AppErrorBody {
    return appErrorBody(this);
  }
}

/** The JSON the browser reads (components/api/api-client.ts turns it into an ApiError): these names are its contract. */
export interface AppErrorBody {
  error: AppErrorCode;
  /** The sentence in the reader's language. */
  message: string;
  /** The same in Romanian, whatever the reader's language: the request builder shows a refusal in both. */
  messageRo: string | null;
  retryable: boolean;
  upstreamStatus: number | null;
  retryAfterMs: number | null;
  field: string | null;
  issues?: FieldIssue[];
  [detail: string]: unknown;
}

/**
 * The answer's JSON, its sentences in `locale`. Built from the fields alone, so that it works for an error from
 * another copy of this module too.
 */
export function appErrorBody(error: AppError, locale: Locale = 'en'): AppErrorBody {
  const { options } = error;
  const text: LocalizedText = isLocalizedText(error.text) ? error.text : { literal: error.message };
  return {
    ...options.details,
    error: error.code,
    message: say(text, locale),
    messageRo: say(text, 'ro'),
    retryable: options.retryable ?? false,
    upstreamStatus: options.upstreamStatus ?? null,
    retryAfterMs: options.retryAfterMs ?? null,
    field: options.field ?? null,
    ...(options.issues
      ? { issues: options.issues.map((issue) => ({ path: issue.path, message: say(issue.text, locale) })) }
      : {}),
  };
}

/** An AppError from any copy of this module. */
export function isAppError(error: unknown): error is AppError {
  if (typeof error !== 'object' || error === null) return false;
  const candidate = error as { appError?: unknown; code?: unknown; httpStatus?: unknown; options?: unknown };
  return (
    candidate.appError === true &&
    typeof candidate.code === 'string' &&
    typeof candidate.httpStatus === 'number' &&
    typeof candidate.options === 'object' &&
    candidate.options !== null
  );
}
