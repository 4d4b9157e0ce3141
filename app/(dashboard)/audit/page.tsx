import type { Metadata } from 'next';

import { AuditFilters } from '@/components/audit/audit-filters';
import { AuditTable } from '@/components/audit/audit-table';
import { SectionHeader } from '@/components/shell/section-header';
import { dashboardSections } from '@/components/shell/sections';
import { auditFilterHref, readAuditFilter } from '@/lib/audit-log/audit-filter-params';
import { queryAuditLog } from '@/lib/audit-log/audit-log-service';
import { auditFilterChoices } from '@/lib/audit-log/filter-choices';
import { requirePagePermission } from '@/lib/auth/page-guard';
import { seesEveryAccount } from '@/lib/auth/permissions';
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
  const { filter, refused } = readAuditFilter(await searchParams);
  const user = await requirePagePermission('audit.read', filter.accountId);
  const deps = serverDatabaseDeps();
  const choices = await auditFilterChoices(deps, user, filter);
  let result;
  try {
    result = await queryAuditLog(deps, user, filter);
  } catch (error) {
    if (isAppError(error) && error.httpStatus === 403) result = null;
    else throw error;
  }
  return (
    <div className="grid gap-6">
      <SectionHeader section={section} />
      <AuditFilters
        filter={filter}
        choices={choices}
        showsAnonymousRefusals={seesEveryAccount(user)}
        exportHref={auditFilterHref('/api/audit/export', { ...filter, page: null })}
      />
      {refused.length > 0 ? (
        <p role="alert" className="text-sm text-red-700 dark:text-red-400">
          Some filters were not valid and were ignored: {refused.join(' ')}
        </p>
      ) : null}
      {result ? (
        <AuditTable
          lines={result.lines}
          total={result.total}
          pageCount={result.pageCount}
          refusalsLeftOut={result.refusalsLeftOut}
          filter={filter}
        />
      ) : (
        <p role="alert">You are not a member of this sendSMS account.</p>
      )}
    </div>
  );
}
