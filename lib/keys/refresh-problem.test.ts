import { describe, expect, it } from 'vitest';
import { say } from '@/lib/errors/text/localized-text';
import { appErrorFromSendsms } from '@/lib/errors/upstream-error';
import { conditionOfMessage, conditionText, problemOfMessage, problemOfText } from '@/lib/keys/refresh-problem';
import type { UpstreamCondition } from '@/lib/keys/types';
import {
  BudgetExhaustedError,
  DefaultKeyFirstUseError,
  InvalidRequestError,
  UnsupportedActionError,
  UpstreamFaultError,
  UpstreamNetworkError,
  UpstreamStatusError,
  UpstreamTimeoutError,
} from '@/lib/sendsms/errors';
import { STATUS_CODES } from '@/lib/sendsms/status-codes';

const envelope = { status: -8, message: 'Authentication failed', details: null };

/** Every condition the refresh can meet, with numbers as they come (a fraction, a thousand). */
const CONDITIONS: UpstreamCondition[] = [
  ...[...Object.values(STATUS_CODES).map(({ status }) => status), -99999, 12345].flatMap((status) =>
    [true, false].map((nothingChanged) => ({ code: 'status' as const, status, nothingChanged })),
  ),
  ...[0.3, 10, 1500].map((seconds) => ({ code: 'timeout' as const, seconds, nothingChanged: true })),
  ...[1, 10, 1000].map((perMinute) => ({ code: 'budget' as const, perMinute, seconds: 42, nothingChanged: true })),
  ...(['network', 'httpStatus', 'notJson', 'badEnvelope', 'unknownShape'] as const).map((code) => ({
    code,
    nothingChanged: true,
  })),
  { code: 'defaultKeyFirstUse', nothingChanged: false },
];

describe('a refresh problem as data', () => {
  it('is the condition of each sendSMS failure, with the English the audit log keeps', () => {
    const failures = [
      [new UpstreamStatusError('token_list', -8, envelope), { code: 'status', status: -8, nothingChanged: false }],
      [new UpstreamStatusError('token_list', -4096, envelope), { code: 'status', status: -4096, nothingChanged: true }],
      [new UpstreamStatusError('token_list', -16, envelope), { code: 'status', status: -16, nothingChanged: true }],
      [new UnsupportedActionError('token_list', false), { code: 'status', status: -2, nothingChanged: false }],
      [new UpstreamTimeoutError('token_list', 300), { code: 'timeout', seconds: 0.3, nothingChanged: true }],
      [new UpstreamNetworkError('token_list', 'ECONNRESET'), { code: 'network', nothingChanged: true }],
      [new UpstreamFaultError('token_list', 'not-json', '<html>', 200), { code: 'notJson', nothingChanged: true }],
      [
        new BudgetExhaustedError('token_list', 41_500, 10),
        { code: 'budget', perMinute: 10, seconds: 42, nothingChanged: true },
      ],
      [new DefaultKeyFirstUseError('token_list_ips'), { code: 'defaultKeyFirstUse', nothingChanged: false }],
    ] as const;
    for (const [error, condition] of failures) {
      const described = appErrorFromSendsms(error)!;
      expect(problemOfText(described.text), error.name).toEqual({ condition, message: described.message });
      // The English read back (what the collection keeps) is the same condition.
      expect(conditionOfMessage(described.message), error.name).toEqual(condition);
    }
  });

  it('keeps as text what is no known condition', () => {
    const invalid = appErrorFromSendsms(new InvalidRequestError('token_list', 'ipaddr: required'))!;
    expect(problemOfText(invalid.text)).toEqual({ condition: null, message: invalid.message });
    expect(problemOfMessage('sendSMS did not answer in time')).toEqual({
      condition: null,
      message: 'sendSMS did not answer in time',
    });
    expect(problemOfMessage(null)).toEqual({ condition: null, message: null });
    expect(conditionOfMessage(' The dashboard changed nothing.')).toBeNull();
    expect(conditionOfMessage('')).toBeNull();
  });

  it('reads every condition back from the English it is said in', () => {
    for (const condition of CONDITIONS) {
      const english = say(conditionText(condition), 'en');
      expect(conditionOfMessage(english), english).toEqual(condition);
    }
  });
});
