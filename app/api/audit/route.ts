import { NextResponse } from 'next/server';
import { auditFilterSchema } from '@/lib/audit-log/audit-filter';
import { queryAuditLog } from '@/lib/audit-log/audit-log-service';
import { withPermission } from '@/lib/auth/with-permission';
import { serverDatabaseDeps } from '@/lib/db/deps';

/**
 * GET: one page of the filtered audit log as lines in words, in the reader's language, each event with its names
 * (filters as on /audit).
 */
export const GET = withPermission('audit.read', async ({ user, request, locale }) => {
  const filter = auditFilterSchema.parse(Object.fromEntries(request.nextUrl.searchParams));
  return NextResponse.json(await queryAuditLog(serverDatabaseDeps(), user, filter, locale));
});
