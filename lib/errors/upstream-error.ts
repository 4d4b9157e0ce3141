import { AppError } from '@/lib/errors/app-error';
import type { AnySendsmsError } from '@/lib/sendsms/errors';
import { RETRYABLE_STATUSES, STATUS_CODES } from '@/lib/sendsms/status-codes';

/**
 * A sendSMS failure as the answer the dashboard gives, in the contract's words:
 *   throttled (-4096, -8192, or the dashboard's own budget of queries spent) → 429 with Retry-After;
 *   busy or unreachable (-16, a timeout, a cut connection, an HTTP error, an answer that is not sendSMS's) → 503;
 *   refused (-8, -128, …) → 502: sendSMS understood and said no, and retrying will not change that;
 *   the account lacks the action → 501; the Default-key trap → 409 until the user confirms.
 * None of these is a 500: that is kept for the dashboard's own bugs.
 */

/** sendSMS names no time to wait after -4096 or -8192; its limits are counted per minute, so a short pause. */
export const UPSTREAM_THROTTLE_RETRY_AFTER_MS = 10_000;

const NOTHING_CHANGED = { en: 'The dashboard changed nothing.', ro: 'Panoul nu a modificat nimic.' };

export function appErrorFromUpstream(error: AnySendsmsError): AppError {
  const { en, ro } = error.explanation;
  switch (error.kind) {
    case 'budget':
      return new AppError('rate-limited', 429, `${en} ${NOTHING_CHANGED.en}`, {
        messageRo: `${ro} ${NOTHING_CHANGED.ro}`,
        retryable: true,
        retryAfterMs: error.retryAfterMs,
      });
    case 'default-key-first-use':
      return new AppError('confirmation-required', 409, en, { messageRo: ro });
    case 'unsupported':
      return new AppError('unsupported', 501, en, { messageRo: ro, upstreamStatus: -2 });
    case 'invalid-request':
      // The dashboard asked for something the action does not take: said as it is, not sent.
      return new AppError('invalid', 422, en, { messageRo: ro });
    case 'status':
      if (RETRYABLE_STATUSES.has(error.status)) {
        return new AppError('rate-limited', 429, `${en} ${NOTHING_CHANGED.en}`, {
          messageRo: `${ro} ${NOTHING_CHANGED.ro}`,
          retryable: true,
          retryAfterMs: UPSTREAM_THROTTLE_RETRY_AFTER_MS,
          upstreamStatus: error.status,
        });
      }
      if (error.status === STATUS_CODES.internal_error.status) return unavailable(en, ro, error.status);
      return new AppError('upstream-refused', 502, en, { messageRo: ro, upstreamStatus: error.status });
    case 'timeout':
    case 'network':
    case 'fault':
      return unavailable(en, ro, null);
  }
}

function unavailable(en: string, ro: string, upstreamStatus: number | null): AppError {
  return new AppError('upstream-unavailable', 503, `${en} ${NOTHING_CHANGED.en}`, {
    messageRo: `${ro} ${NOTHING_CHANGED.ro}`,
    retryable: true,
    upstreamStatus,
  });
}
