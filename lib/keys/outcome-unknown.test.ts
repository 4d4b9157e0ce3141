import { describe, expect, it } from 'vitest';
import { errorText } from '@/lib/errors/text/localized-text';
import {
  isOutcomeUnknownError,
  outcomeIsUnknown,
  outcomeUnknown,
  outcomeUnknownMessage,
} from '@/lib/keys/outcome-unknown';
import * as errors from '@/lib/sendsms/errors';

describe('whether a change sent to sendSMS may have happened', () => {
  it('is unknown when the answer was lost or garbled after the request left', () => {
    expect(outcomeIsUnknown(new errors.UpstreamTimeoutError('token_generate', 10_000))).toBe(true);
    expect(outcomeIsUnknown(new errors.UpstreamNetworkError('token_add_ip', 'ECONNRESET'))).toBe(true);
    expect(outcomeIsUnknown(new errors.UpstreamFaultError('token_generate', 'not-json', '<html>', 200))).toBe(true);
    expect(outcomeIsUnknown(new errors.UpstreamFaultError('token_generate', 'unknown-shape', '{}', 200))).toBe(true);
    expect(outcomeIsUnknown(new errors.UpstreamFaultError('token_delete', 'http-status', '', 502))).toBe(true);
  });

  it('is known (a failure) when sendSMS said no, or nothing was sent', () => {
    expect(
      outcomeIsUnknown(
        new errors.UpstreamStatusError('token_add_ip', -16, { status: -16, message: 'Internal error', details: null }),
      ),
    ).toBe(false);
    expect(outcomeIsUnknown(new errors.UpstreamNetworkError('token_generate', 'ECONNREFUSED'))).toBe(false);
    expect(outcomeIsUnknown(new errors.UpstreamFaultError('token_generate', 'http-status', '', 503))).toBe(false);
    expect(outcomeIsUnknown(new errors.BudgetExhaustedError('token_generate', 1_000, 10))).toBe(false);
    expect(outcomeIsUnknown(new errors.UnsupportedActionError('token_generate', false))).toBe(false);
    expect(outcomeIsUnknown(new errors.DefaultKeyFirstUseError('token_add_ip'))).toBe(false);
    expect(outcomeIsUnknown(new Error('database down'))).toBe(false);
    expect(outcomeIsUnknown(null)).toBe(false);
  });

  it('answers 503 with outcome "unknown", not retryable, recognised by its mark', () => {
    const error = outcomeUnknown('change-1', outcomeUnknownMessage(errorText('outcome.keyDeleted')));
    expect(error.toJSON()).toMatchObject({
      error: 'upstream-unavailable',
      outcome: 'unknown',
      changeId: 'change-1',
      retryable: false,
    });
    expect(error.httpStatus).toBe(503);
    expect(isOutcomeUnknownError(error)).toBe(true);
    expect(isOutcomeUnknownError({ ...error })).toBe(true);
    expect(isOutcomeUnknownError(new Error('x'))).toBe(false);
  });
});
