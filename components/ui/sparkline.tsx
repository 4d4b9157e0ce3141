import { useTranslations } from 'next-intl';

/**
 * A key's last days of uses as a tiny bar chart in a table row, with its figures in words for screen readers (the
 * best open-source key dashboards show one per row). It renders on the server and in the browser alike.
 */
export function Sparkline({ uses, label }: { uses: readonly number[]; label: string }) {
  const t = useTranslations('common.sparkline');
  const max = Math.max(0, ...uses);
  const total = uses.reduce((sum, value) => sum + value, 0);
  const width = 49;
  const height = 16;
  const slot = width / Math.max(1, uses.length);
  return (
    <span className="inline-flex items-center gap-2" data-testid="sparkline">
      <svg
        width={width}
        height={height}
        viewBox={`0 0 ${width} ${height}`}
        aria-hidden="true"
        className="text-blue-600 dark:text-blue-400"
      >
        <line x1={0} x2={width} y1={height - 0.5} y2={height - 0.5} className="stroke-zinc-300 dark:stroke-zinc-700" />
        {uses.map((value, index) =>
          value > 0 ? (
            <rect
              key={index}
              x={index * slot + 1}
              width={Math.max(1, slot - 2)}
              y={height - 1 - (value / max) * (height - 2)}
              height={Math.max(1, (value / max) * (height - 2))}
              fill="currentColor"
            />
          ) : null,
        )}
      </svg>
      <span className="sr-only">{t('summary', { label, uses: uses.join(', '), total })}</span>
    </span>
  );
}
