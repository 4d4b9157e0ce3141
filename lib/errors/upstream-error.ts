import type { AppError } from '@/lib/errors/app-error';
import {
  confirmationRequired,
  invalid,
  rateLimited,
  unsupported,
  upstreamRefused,
  upstreamUnavailable,
} from '@/lib/errors/refusals';
import { errorText, type LocalizedText } from '@/lib/errors/text/localized-text';
import { isSendsmsError, type AnySendsmsError } from '@/lib/sendsms/errors';
import { RETRYABLE_STATUSES, STATUS_CODES } from '@/lib/sendsms/status-codes';

/**
 * A sendSMS failure as the answer the dashboard gives, in the contract's words:
 *   throttled (-4096, -8192, or the dashboard's own budget of queries spent) → 429 with Retry-After;
 *   busy or unreachable (-16, a timeout, a cut connection, an HTTP error, an answer that is not sendSMS's) → 503;
 *   refused (-8, -128, …) → 502: sendSMS understood and said no, and retrying will not change that;
 *   the account lacks the action → 501; the Default-key trap → 409 until the user confirms.
 * None of these is a 500: that is kept for the dashboard's own bugs. The sentence is what the failure means (the
 * `status` messages for a status, the `errors` messages' upstream.* otherwise), said in the reader's language.
 */

/** sendSMS names no time to wait after -4096 or -8192; its limits are counted per minute, so a short pause. */
export const UPSTREAM_THROTTLE_RETRY_AFTER_MS = 10_000;

export function appErrorFromUpstream(error: AnySendsmsError): AppError {
  const meaning = error.text;
  switch (error.kind) {
    case 'budget':
      return throttled(meaning, error.retryAfterMs, null);
    case 'default-key-first-use':
      return confirmationRequired(meaning);
    case 'unsupported':
      return unsupported(meaning, { upstreamStatus: -2 });
    case 'invalid-request':
      // The dashboard asked for something the action does not take: said as it is, not sent.
      return invalid(meaning);
    case 'status':
      if (RETRYABLE_STATUSES.has(error.status))
        return throttled(meaning, UPSTREAM_THROTTLE_RETRY_AFTER_MS, error.status);
      if (error.status === STATUS_CODES.internal_error.status) return unavailable(meaning, error.status);
      return upstreamRefused(meaning, { upstreamStatus: error.status });
    case 'timeout':
    case 'network':
    case 'fault':
      return unavailable(meaning, null);
  }
}

/** "… The dashboard changed nothing.": said of every failure worth trying again. */
const nothingChanged = (meaning: LocalizedText) => errorText('upstream.nothingChanged', { meaning });

function throttled(meaning: LocalizedText, retryAfterMs: number, upstreamStatus: number | null): AppError {
  return rateLimited(nothingChanged(meaning), { retryable: true, retryAfterMs, upstreamStatus });
}

function unavailable(meaning: LocalizedText, upstreamStatus: number | null): AppError {
  return upstreamUnavailable(nothingChanged(meaning), { retryable: true, upstreamStatus });
}

/** A sendSMS failure in the contract's words; null for anything else. */
export function appErrorFromSendsms(error: unknown): AppError | null {
  return isSendsmsError(error) ? appErrorFromUpstream(error) : null;
}
