import Link from 'next/link';
import { useTranslations } from 'next-intl';

import type { AuditFilter } from '@/lib/audit-log/audit-filter';
import { auditFilterHref } from '@/lib/audit-log/audit-filter-params';
import type { AuditLine } from '@/lib/audit-log/audit-row';
import { idsText } from '@/lib/audit-log/event-details';
import { isKnownOutcome } from '@/lib/audit-log/event-sentence';
import { LocalTime } from '@/components/audit/local-time';
// The keys pages' copy button: the same control wherever an id or a secret is copied.
import { CopyButton } from '@/components/keys/copy-button';
import { Badge } from '@/components/ui/badge';
import { DataTable, type TableColumn } from '@/components/ui/table';

const OUTCOME_TONE = { success: 'success', failure: 'warning', denied: 'danger' } as const;

type Translate = ReturnType<typeof useTranslations<'audit'>>;

/** How a line ended, in words; an outcome no one named, as it is. */
function OutcomeBadge({ outcome, t }: { outcome: string; t: Translate }) {
  return (
    <Badge className="mt-1" tone={isKnownOutcome(outcome) ? OUTCOME_TONE[outcome] : 'neutral'}>
      {isKnownOutcome(outcome) ? t(`outcomes.${outcome}`) : outcome}
    </Badge>
  );
}

// Three columns that wrap rather than scroll: at 1,280 px the details stack as label/value pairs, and a long value
// (a user agent, a path) breaks anywhere instead of widening the table. The lines come in the reader's language
// already (the page made them so); the columns' words are said here.
function columns(t: Translate): TableColumn<AuditLine>[] {
  return [
    {
      id: 'when',
      header: t('table.when'),
      width: '12rem',
      className: 'align-top',
      cell: (line) => <LocalTime date={line.occurredAt} />,
    },
    {
      id: 'event',
      header: t('table.what'),
      className: 'align-top [overflow-wrap:anywhere]',
      cell: (line) => (
        <>
          <p>{line.sentence}</p>
          <OutcomeBadge outcome={line.outcome} t={t} />
        </>
      ),
    },
    {
      id: 'details',
      header: t('table.details'),
      width: '45%',
      className: 'align-top text-xs',
      cell: (line) => (
        <>
          <dl className="grid grid-cols-[max-content_minmax(0,1fr)] gap-x-3 gap-y-0.5">
            {line.details.map((detail, index) => (
              <div key={`${detail.label}-${index}`} className="contents">
                <dt className="text-zinc-500 dark:text-zinc-400">{detail.label}</dt>
                <dd className="min-w-0 [overflow-wrap:anywhere]">{detail.value}</dd>
              </div>
            ))}
          </dl>
          {line.ids.length > 0 ? (
            <div className="mt-1">
              <CopyButton text={idsText(line.ids)} label={t('table.copyIdsOf', { id: line.event?.id ?? '' }).trim()}>
                {t('table.copyIds')}
              </CopyButton>
            </div>
          ) : null}
        </>
      ),
    },
  ];
}

export function AuditTable({
  lines,
  total,
  pageCount,
  refusalsLeftOut,
  filter,
}: {
  lines: AuditLine[];
  total: number;
  pageCount: number;
  refusalsLeftOut: number;
  filter: AuditFilter;
}) {
  const t = useTranslations('audit');
  const { page } = filter;
  return (
    <div className="grid gap-3">
      {total > 0 ? (
        <p className="text-sm text-zinc-600 dark:text-zinc-400" role="status">
          {t('table.summary', { total, page, pageCount })}
        </p>
      ) : null}
      <DataTable
        label={t('table.label')}
        columns={columns(t)}
        rows={lines}
        rowKey={(line) => line.key}
        empty={t('table.empty')}
      />
      {refusalsLeftOut > 0 ? (
        <p className="text-sm text-zinc-600 dark:text-zinc-400">
          {t('table.refusalsLeftOut', { count: refusalsLeftOut })}
        </p>
      ) : null}
      <nav aria-label={t('table.pages')} className="flex gap-3 text-sm">
        {page > 1 ? (
          <Link href={auditFilterHref('/audit', { ...filter, page: page - 1 })}>{t('table.previous')}</Link>
        ) : null}
        {page < pageCount ? (
          <Link href={auditFilterHref('/audit', { ...filter, page: page + 1 })}>{t('table.next')}</Link>
        ) : null}
      </nav>
    </div>
  );
}
