import { AppError, type AppErrorCode, type AppErrorOptions, type FieldIssueText } from '@/lib/errors/app-error';
import { plainIssueText, type ValidationIssue } from '@/lib/errors/plain-issue';
import {
  errorText,
  literalText,
  type ErrorKey,
  type LocalizedText,
  type TextValues,
} from '@/lib/errors/text/localized-text';

/**
 * The dashboard's refusals by name: one factory per code of the one error type (lib/errors/app-error.ts, where each
 * code's HTTP status is decided). Each takes its sentence as a key of the `errors` messages (with the values it
 * names in `options.values`), or as a LocalizedText already made (a sendSMS status meaning, a sentence with a
 * sentence inside it), never as words: the one mapper (lib/errors/error-response.ts) says it in the reader's
 * language. Services and route handlers throw these.
 *
 *   throw notFound('notFound.key');
 *   throw invalid('keys.confirmDelete', { values: { name: key.name }, field: 'confirmName' });
 */

export interface RefusalOptions extends AppErrorOptions {
  /** The values the message's placeholders name. */
  values?: TextValues;
}

export type Sentence = ErrorKey | LocalizedText;

/** The sentence as a LocalizedText, whether given as a key (with its values) or made already. */
export function textOf(sentence: Sentence, values?: TextValues): LocalizedText {
  return typeof sentence === 'string' ? errorText(sentence, values) : sentence;
}

const refusal =
  (code: AppErrorCode) =>
  (sentence: Sentence, { values, ...options }: RefusalOptions = {}): AppError =>
    new AppError(code, textOf(sentence, values), options);

/** 400: an address that cannot even be decoded (the proxy's refusal). */
export const badAddress = refusal('bad-address');
/** 404: the thing the request names does not exist (or is not the caller's to know of). */
export const notFound = refusal('not-found');
/** 404 for an account id that names no sendSMS account: one sentence wherever an account is looked up. */
export const noSuchAccount = () => notFound('notFound.account');
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
  return new AppError('unauthenticated', errorText('session.ended'));
}

/**
 * 403: the signed-in user reaches for something outside their role or tenant. withPermission writes it to the audit
 * log against `accountId`. The reason is a LocalizedText (lib/auth/denied-text.ts says why a role may not do
 * something); a reason given in words (lib/auth/permissions.ts `deniedReason()`) is answered as it is, in English.
 */
export function accessDenied(reason: LocalizedText | string, accountId: string | null = null): AppError {
  return new AppError('forbidden', typeof reason === 'string' ? literalText(reason) : reason, { accountId });
}

/** 403: a write sent from another site's page. */
export function crossSiteRefused(): AppError {
  return accessDenied(errorText('forbidden.crossSite'));
}

/** 500: a bug of the dashboard's, logged where it is answered; never used for a condition the code knows. */
export function internalError(): AppError {
  return new AppError('internal', errorText('server.internal'));
}

/** A field's issue given by a service: its path and its sentence. */
export interface ServiceIssue {
  path: ReadonlyArray<PropertyKey>;
  text: LocalizedText;
}

/**
 * 422 with the issues of a form (zod's, or a service's own); the sentence is the first issue's, as a person reads
 * it: never "name: …".
 */
export function invalidRequest(issues: ReadonlyArray<ValidationIssue | ServiceIssue>): AppError {
  const fieldIssues: FieldIssueText[] = issues.map((issue) => ({
    path: issue.path.map(String).join('.'),
    text: 'text' in issue ? issue.text : plainIssueText(issue),
  }));
  const first = fieldIssues[0];
  return invalid(first?.text ?? errorText('request.notValid'), { field: first?.path || null, issues: fieldIssues });
}
