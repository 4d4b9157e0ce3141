import { withPermission } from '@/lib/auth/with-permission';
import { csvResponse } from '@/lib/csv/csv-response';
import { serverDatabaseDeps } from '@/lib/db/deps';
import { exportUsageCsv } from '@/lib/usage/usage-export';
import { usageFilterSchema } from '@/lib/usage/usage-filter';

/**
 * GET: the keys of a usage view as CSV, the page's filter and order, every row, streamed; its header and words in the
 * reader's language (the one withPermission read from the account, the cookie or Accept-Language).
 */
export const GET = withPermission('usage.read', async ({ user, request, locale }) => {
  const filter = usageFilterSchema.parse(Object.fromEntries(request.nextUrl.searchParams));
  const csv = await exportUsageCsv({ ...serverDatabaseDeps(), now: () => new Date() }, user, filter, locale);
  return csvResponse(csv.filename, csv.lines);
});
