import { useTranslations } from 'next-intl';

import { UsageBarChart } from './usage-bar-chart';
import { UsageRangePicker } from './usage-view-controls';
import type { UsageSeriesView } from '@/lib/usage/types';

/** The key page's uses over time: the range picker (links to the page with ?range=) and the same chart as /usage. */
export function KeyUsagePanel({
  series,
  keyName,
  pagePath,
  deniedReason,
}: {
  series: UsageSeriesView | null;
  keyName: string;
  pagePath: string;
  deniedReason: string | null;
}) {
  const t = useTranslations('usage.keyPanel');
  if (!series) return <p className="text-sm text-zinc-600 dark:text-zinc-400">{deniedReason}.</p>;
  return (
    <div className="grid gap-3">
      <UsageRangePicker filter={{ range: series.range }} base={pagePath} />
      <UsageBarChart series={series} label={t('chartLabel', { name: keyName })} />
    </div>
  );
}
