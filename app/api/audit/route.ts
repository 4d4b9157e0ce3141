import { NextResponse } from 'next/server';
import { auditFilterSchema, queryAuditLog } from '@/lib/audit/audit-query';
import { withPermission } from '@/lib/auth/with-permission';

/** GET: one page of the filtered audit log (filters in the query string, as on /audit). */
export const GET = withPermission('audit.read', async ({ user, request }) => {
  const filter = auditFilterSchema.parse(Object.fromEntries(request.nextUrl.searchParams));
  return NextResponse.json(await queryAuditLog(user, filter));
});
