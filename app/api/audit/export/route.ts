import { auditCsv } from '@/lib/audit-log/audit-csv';
import { auditFilterSchema } from '@/lib/audit-log/audit-filter';
import { exportAuditLog } from '@/lib/audit-log/audit-log-service';
import { withPermission } from '@/lib/auth/with-permission';
import { serverDatabaseDeps } from '@/lib/db/deps';

/**
 * GET: the filtered audit log as CSV in the page's words and the reader's language, header included (the same
 * filters, every page at once, up to 10 000 events).
 */
export const GET = withPermission('audit.read', async ({ user, request, locale }) => {
  const filter = auditFilterSchema.parse(Object.fromEntries(request.nextUrl.searchParams));
  const csv = auditCsv(await exportAuditLog(serverDatabaseDeps(), user, filter, locale), locale);
  return new Response(csv, {
    headers: {
      'content-type': 'text/csv; charset=utf-8',
      'content-disposition': `attachment; filename="audit-${new Date().toISOString().slice(0, 10)}.csv"`,
      'cache-control': 'no-store',
    },
  });
});
