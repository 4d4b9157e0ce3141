import { isAppError, type AppError } from '@/lib/errors/app-error';
import { upstreamUnavailable } from '@/lib/errors/refusals';
import { errorText, type LocalizedText } from '@/lib/errors/text/localized-text';

/**
 * A change sent to sendSMS whose answer never came back whole (a timeout, a connection cut after it was sent, a
 * body that is not sendSMS's reply) may well have happened there: it is "outcome unknown", never "failed". The
 * request is answered 503 with `outcome: 'unknown'` and a sentence saying the dashboard is checking, and the change
 * stays open until the resolver reads sendSMS back (lib/keys/intent-resolver.ts). Not retryable: a second
 * token_generate would make a second key.
 *
 * Errors are told apart by their `kind` and `code`, not by `instanceof`, so that module copies agree.
 */

/** Connection failures that mean nothing left this machine: the change cannot have reached sendSMS. */
const NEVER_SENT_NETWORK_CODES = new Set(['ECONNREFUSED', 'ENOTFOUND', 'EAI_AGAIN', 'EHOSTUNREACH', 'ENETUNREACH']);
/** HTTP statuses with which a server in front of sendSMS turns a request away before it is handled. */
const TURNED_AWAY_HTTP_STATUSES = new Set([429, 503]);

export function outcomeIsUnknown(error: unknown): boolean {
  const failure = error as { kind?: unknown; code?: unknown; reason?: unknown; httpStatus?: unknown } | null;
  switch (failure?.kind) {
    case 'timeout':
      return true;
    case 'network':
      return !(typeof failure.code === 'string' && NEVER_SENT_NETWORK_CODES.has(failure.code));
    case 'fault':
      return !(
        failure.reason === 'http-status' &&
        typeof failure.httpStatus === 'number' &&
        TURNED_AWAY_HTTP_STATUSES.has(failure.httpStatus)
      );
    default:
      return false;
  }
}

/**
 * The 503 answered for such a change: `outcome` and `changeId` in the body, so the page can say it is being checked,
 * and on the error itself, for the caller that recovers from it (the request builder, the tests).
 */
export function outcomeUnknown(changeId: string, message: LocalizedText): OutcomeUnknownError {
  const error = upstreamUnavailable(message, { retryable: false, details: { outcome: 'unknown', changeId } });
  return Object.assign(error, { outcome: 'unknown' as const, changeId });
}

export type OutcomeUnknownError = AppError & { outcome: 'unknown'; changeId: string };

/** Recognised by its mark rather than its class, like the other errors. */
export function isOutcomeUnknownError(error: unknown): error is OutcomeUnknownError {
  return isAppError(error) && (error as { outcome?: unknown }).outcome === 'unknown';
}

/** The sentence the person who asked reads: what is not known, and that it is being checked. */
export function outcomeUnknownMessage(what: LocalizedText): LocalizedText {
  return errorText('outcome.unknown', { what });
}
