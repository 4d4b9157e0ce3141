import type { Metadata } from 'next';

import { AuditFilters } from '@/components/audit/audit-filters';
import { AuditTable } from '@/components/audit/audit-table';
import { PageHeader } from '@/components/shell/page-header';
import { dashboardSections } from '@/components/shell/sections';
import { auditFilterSchema } from '@/lib/audit-log/audit-filter';
import { queryAuditLog } from '@/lib/audit-log/audit-log-service';
import { requirePagePermission } from '@/lib/auth/page-guard';
import { serverDatabaseDeps } from '@/lib/db/deps';
import { isAppError } from '@/lib/errors/app-error';

const section = dashboardSections['audit'];

export const metadata: Metadata = { title: section.title };
export const dynamic = 'force-dynamic';

export default async function AuditPage({
  searchParams,
}: {
  searchParams: Promise<Record<string, string | string[] | undefined>>;
}) {
  const query = Object.fromEntries(
    Object.entries(await searchParams).map(([name, value]) => [name, Array.isArray(value) ? value[0] : value]),
  );
  const user = await requirePagePermission(
    'audit.read',
    typeof query.accountId === 'string' && query.accountId ? query.accountId : undefined,
  );
  const parsed = auditFilterSchema.safeParse(query);
  const filter = parsed.success ? parsed.data : auditFilterSchema.parse({});
  let result;
  try {
    result = await queryAuditLog(serverDatabaseDeps(), user, filter);
  } catch (error) {
    if (isAppError(error) && error.httpStatus === 403) result = null;
    else throw error;
  }
  const exportQuery = new URLSearchParams(
    Object.entries(filter)
      .filter(([name, value]) => name !== 'page' && value !== undefined)
      .map(([name, value]) => [name, String(value)]),
  );

  return (
    <div className="grid gap-6">
      <PageHeader section={section} />
      <AuditFilters filter={filter} exportHref={`/api/audit/export?${exportQuery.toString()}`} />
      {!parsed.success ? (
        <p role="alert" className="text-sm text-red-700 dark:text-red-400">
          Some filters were not valid and were ignored: {parsed.error.issues[0]?.message}
        </p>
      ) : null}
      {result ? (
        <AuditTable
          rows={result.rows}
          total={result.total}
          page={result.page}
          pageCount={result.pageCount}
          query={exportQuery.toString()}
        />
      ) : (
        <p role="alert">You are not a member of this sendSMS account.</p>
      )}
    </div>
  );
}
