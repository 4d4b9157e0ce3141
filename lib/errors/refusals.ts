import { AppError, type AppErrorCode, type AppErrorOptions, type FieldIssue } from '@/lib/errors/app-error';
import { plainIssueMessage, type ValidationIssue } from '@/lib/errors/plain-issue';

/**
 * The dashboard's refusals by name: one factory per code of the one error type (lib/errors/app-error.ts, where each
 * code's HTTP status is decided). Services and route handlers throw these; lib/errors/error-response.ts answers them.
 */

type Options = AppErrorOptions;

const refusal =
  (code: AppErrorCode) =>
  (message: string, options: Options = {}): AppError =>
    new AppError(code, message, options);

/** 400: an address that cannot even be decoded (the proxy's refusal). */
export const badAddress = refusal('bad-address');
/** 404: the thing the request names does not exist (or is not the caller's to know of). */
export const notFound = refusal('not-found');
/** 404 for an account id that names no sendSMS account: one sentence wherever an account is looked up. */
export const noSuchAccount = () => notFound('There is no such sendSMS account.');
/** 409: the request clashes with what is there (a duplicate name, a state that does not allow it). */
export const conflict = refusal('conflict');
/** 409 until the user confirms: sendSMS would do something they cannot undo (the Default-key trap). */
export const confirmationRequired = refusal('confirmation-required');
/** 413: a body far larger than any form sends. */
export const tooLarge = refusal('too_large');
/** 422: the request is well-formed but its values cannot be used; `field` says which one. */
export const invalid = refusal('invalid');
/** 422: sendSMS refused the username and password or key given. */
export const credentialsRefused = refusal('credentials-refused');
/** 429: sendSMS throttled, or the dashboard's own budget of queries is spent; `retryAfterMs` says when to come back. */
export const rateLimited = refusal('rate-limited');
/** 501: the account lacks the sendSMS action. */
export const unsupported = refusal('unsupported');
/** 502: sendSMS understood and said no; retrying will not change that. */
export const upstreamRefused = refusal('upstream-refused');
/** 503: sendSMS busy or unreachable; the sentence says nothing was changed. */
export const upstreamUnavailable = refusal('upstream-unavailable');

/** 401: no session, an expired one, or the user disabled. */
export function unauthenticated(): AppError {
  return new AppError('unauthenticated', 'Your session has ended: sign in again to continue');
}

/**
 * 403: the signed-in user reaches for something outside their role or tenant. withPermission writes it to the audit
 * log against `accountId`.
 */
export function accessDenied(reason: string, accountId: string | null = null): AppError {
  return new AppError('forbidden', reason, { accountId });
}

/** 403: a write sent from another site's page. */
export function crossSiteRefused(): AppError {
  return accessDenied('This request came from another site and was refused');
}

/** 500: a bug of the dashboard's, logged where it is answered; never used for a condition the code knows. */
export function internalError(): AppError {
  return new AppError('internal', 'Something went wrong on the server; the error has been logged.');
}

/** 422 with the issues of a form; the sentence is the first issue's, as a person reads it: never "name: …". */
export function invalidRequest(issues: ReadonlyArray<ValidationIssue>): AppError {
  const fieldIssues: FieldIssue[] = issues.map((issue) => ({
    path: issue.path.map(String).join('.'),
    message: plainIssueMessage(issue),
  }));
  const first = fieldIssues[0];
  return invalid(first?.message ?? 'The request is not valid.', { field: first?.path || null, issues: fieldIssues });
}
