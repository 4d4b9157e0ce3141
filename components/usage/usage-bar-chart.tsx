import { useFormatter, useTimeZone, useTranslations } from 'next-intl';

import { DEFAULT_TIME_ZONE } from '@/i18n/locales';
import { USAGE_CADENCE_MS } from '@/lib/keys/collection-state';
import type { UsageSeriesView } from '@/lib/usage/types';
import { periodLabel, periodZone } from './period-label';

/**
 * Uses per period as bars: server-rendered SVG (no chart library, nothing added to the page's JavaScript), readable
 * in both themes, each bar titled with its figure, and the same numbers as a table under "Show the numbers" for
 * keyboard and screen-reader users. Used by /usage and by the key page, so both show the same per-period uses. Hours
 * are named in the reader's time zone, days and months in UTC, as they are counted (period-label.ts); the caption and
 * the table say which.
 */

const WIDTH = 720;
const HEIGHT = 180;
const PAD = { top: 12, right: 8, bottom: 24, left: 48 };

export function UsageBarChart({ series, label }: { series: UsageSeriesView; label: string }) {
  const t = useTranslations('usage.chart');
  const format = useFormatter();
  const zone = periodZone(series.period, useTimeZone() ?? DEFAULT_TIME_ZONE);
  const { points, period } = series;
  const name = (startsAt: string) => periodLabel(format, period, startsAt);
  const max = Math.max(0, ...points.map((point) => point.uses));
  const plotWidth = WIDTH - PAD.left - PAD.right;
  const plotHeight = HEIGHT - PAD.top - PAD.bottom;
  const slot = plotWidth / Math.max(1, points.length);
  const barWidth = Math.max(1, slot * 0.75);
  const y = (uses: number) => (max === 0 ? 0 : (uses / max) * plotHeight);
  const first = points[0];
  const last = points.at(-1);
  const summary =
    first && last
      ? t('summary', { label, total: series.total, from: name(first.startsAt), to: name(last.startsAt), max, period })
      : t('summaryEmpty', { label });
  return (
    <figure className="grid gap-2" data-testid="usage-chart">
      <svg
        viewBox={`0 0 ${WIDTH} ${HEIGHT}`}
        role="img"
        aria-label={summary}
        className="h-auto w-full text-blue-600 dark:text-blue-400"
      >
        <line
          x1={PAD.left}
          x2={WIDTH - PAD.right}
          y1={HEIGHT - PAD.bottom}
          y2={HEIGHT - PAD.bottom}
          className="stroke-zinc-300 dark:stroke-zinc-700"
        />
        <text
          x={PAD.left - 6}
          y={PAD.top + 4}
          textAnchor="end"
          className="fill-zinc-600 text-[11px] dark:fill-zinc-400"
        >
          {format.number(max)}
        </text>
        <text
          x={PAD.left - 6}
          y={HEIGHT - PAD.bottom}
          textAnchor="end"
          className="fill-zinc-600 text-[11px] dark:fill-zinc-400"
        >
          {format.number(0)}
        </text>
        {first ? (
          <text x={PAD.left} y={HEIGHT - 6} className="fill-zinc-600 text-[11px] dark:fill-zinc-400">
            {name(first.startsAt)}
          </text>
        ) : null}
        {last ? (
          <text
            x={WIDTH - PAD.right}
            y={HEIGHT - 6}
            textAnchor="end"
            className="fill-zinc-600 text-[11px] dark:fill-zinc-400"
          >
            {name(last.startsAt)}
          </text>
        ) : null}
        {points.map((point, index) =>
          point.uses > 0 ? (
            <rect
              key={point.startsAt}
              x={PAD.left + index * slot + (slot - barWidth) / 2}
              y={HEIGHT - PAD.bottom - y(point.uses)}
              width={barWidth}
              height={Math.max(1, y(point.uses))}
              fill="currentColor"
            >
              <title>{t('barTitle', { period: name(point.startsAt), uses: point.uses })}</title>
            </rect>
          ) : null,
        )}
      </svg>
      <figcaption className="text-sm text-zinc-600 dark:text-zinc-400">
        {series.total === 0
          ? t('noUses', { minutes: USAGE_CADENCE_MS / 60_000 })
          : t('total', { total: series.total, period, zone })}
      </figcaption>
      <details className="text-sm">
        <summary className="cursor-pointer text-blue-700 hover:underline dark:text-blue-400">
          {t('showNumbers')}
        </summary>
        <div
          role="region"
          aria-label={t('tableCaption', { label, period })}
          className="mt-2 max-h-64 overflow-y-auto rounded border border-zinc-200 focus-visible:outline-2 focus-visible:outline-blue-600 dark:border-zinc-800 dark:focus-visible:outline-blue-400"
          tabIndex={0}
        >
          <table className="w-full text-left">
            <caption className="sr-only">{t('tableCaption', { label, period })}</caption>
            <thead>
              <tr>
                <th scope="col" className="px-2 py-1">
                  {t('periodHeader', { period, zone })}
                </th>
                <th scope="col" className="px-2 py-1 text-right">
                  {t('usesHeader')}
                </th>
              </tr>
            </thead>
            <tbody>
              {points.map((point) => (
                <tr key={point.startsAt} className="border-t border-zinc-100 dark:border-zinc-800">
                  <td className="px-2 py-1">{name(point.startsAt)}</td>
                  <td className="px-2 py-1 text-right tabular-nums">{format.number(point.uses)}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      </details>
    </figure>
  );
}
