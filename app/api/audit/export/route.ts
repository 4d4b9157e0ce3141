import { auditCsv } from '@/lib/audit/audit-csv';
import { auditFilterSchema, exportAuditLog } from '@/lib/audit/audit-query';
import { withPermission } from '@/lib/auth/with-permission';

/** GET: the filtered audit log as CSV (the same filters as the page, every page at once, up to 10 000 rows). */
export const GET = withPermission('audit.read', async ({ user, request }) => {
  const filter = auditFilterSchema.parse(Object.fromEntries(request.nextUrl.searchParams));
  const csv = auditCsv(await exportAuditLog(user, filter));
  return new Response(csv, {
    headers: {
      'content-type': 'text/csv; charset=utf-8',
      'content-disposition': `attachment; filename="audit-${new Date().toISOString().slice(0, 10)}.csv"`,
      'cache-control': 'no-store',
    },
  });
});
