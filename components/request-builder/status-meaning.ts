import type { useTranslations } from 'next-intl';

import { describeStatus } from '@/lib/sendsms/status-codes';

/**
 * What a sendSMS status means, in the reader's language: the status's name (describeStatus, a pure table the browser
 * may read) is the message's key in messages/<language>/status.json. A number the table does not know still gets a
 * sentence that names it (unknown_error, unknown_success).
 */
export function statusMeaning(t: ReturnType<typeof useTranslations<'status'>>, status: number): string {
  const described = describeStatus(status);
  return t(described.name, { status: described.status });
}
