import type { Metadata } from 'next';
import { getFormatter, getLocale, getTranslations } from 'next-intl/server';

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

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations('audit.page');
  return { title: t('title') };
}

export const dynamic = 'force-dynamic';

export default async function AuditPage({
  searchParams,
}: {
  searchParams: Promise<Record<string, string | string[] | undefined>>;
}) {
  const { filter, refused } = readAuditFilter(await searchParams);
  const user = await requirePagePermission('audit.read', filter.accountId);
  const [t, format, locale] = await Promise.all([getTranslations('audit'), getFormatter(), getLocale()]);
  const deps = serverDatabaseDeps();
  const choices = await auditFilterChoices(deps, user, filter);
  let result;
  try {
    // The lines in the reader's language: the sentences and details are made on the server, for the page as for
    // the API and the CSV export.
    result = await queryAuditLog(deps, user, filter, locale);
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
          {t('page.invalidFilters', {
            filters: format.list(refused.map((name) => t(`filterNames.${name}`))),
          })}
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
        <p role="alert">{t('page.notAMember')}</p>
      )}
    </div>
  );
}
