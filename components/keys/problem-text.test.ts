import { createTranslator } from 'next-intl';
import { describe, expect, it } from 'vitest';

import { LOCALES } from '@/i18n/locales';
import { say } from '@/lib/errors/text/localized-text';
import { conditionText } from '@/lib/keys/refresh-problem';
import type { UpstreamCondition } from '@/lib/keys/types';
import { STATUS_CODES } from '@/lib/sendsms/status-codes';
import { MESSAGES } from '@/messages';
import { problemText } from './problem-text';

/** Every condition a refresh can meet, with numbers as they come (a fraction, a thousand, an unknown status). */
const CONDITIONS: UpstreamCondition[] = [
  ...[...Object.values(STATUS_CODES).map(({ status }) => status), -99999, 12345].flatMap((status) =>
    [true, false].map((nothingChanged) => ({ code: 'status' as const, status, nothingChanged })),
  ),
  ...[0.3, 1, 10, 1500].map((seconds) => ({ code: 'timeout' as const, seconds, nothingChanged: true })),
  ...[1, 3, 10, 1000].map((perMinute) => ({ code: 'budget' as const, perMinute, seconds: 42, nothingChanged: true })),
  ...(['network', 'httpStatus', 'notJson', 'badEnvelope', 'unknownShape'] as const).map((code) => ({
    code,
    nothingChanged: true,
  })),
  { code: 'defaultKeyFirstUse', nothingChanged: false },
];

describe('why a refresh failed, as the page words it', () => {
  it.each(LOCALES)('says each condition word for word as the server says it (%s)', (locale) => {
    const t = createTranslator({ locale, messages: MESSAGES[locale], namespace: 'keys' });
    const tStatus = createTranslator({ locale, messages: MESSAGES[locale], namespace: 'status' });
    for (const condition of CONDITIONS)
      expect(problemText(t, tStatus, { condition, message: null }), JSON.stringify(condition)).toBe(
        say(conditionText(condition), locale),
      );
  });
});
