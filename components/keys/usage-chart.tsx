import type { UsagePoint } from '@/lib/keys/types';

/**
 * Use count over time from the usage snapshots: a small hand-drawn SVG line (no chart library), with a
 * screen-reader table of the same points. The y axis starts at the lowest count so a slow climb stays visible.
 */

const WIDTH = 560;
const HEIGHT = 160;
const PAD = { top: 12, right: 12, bottom: 24, left: 56 };

export function UsageChart({ points }: { points: UsagePoint[] }) {
  if (points.length === 0)
    return (
      <p className="text-sm text-zinc-600 dark:text-zinc-400">
        No usage recorded yet: each refresh that reports a use count adds a point.
      </p>
    );
  const times = points.map((point) => Date.parse(point.takenAt));
  const counts = points.map((point) => point.useCount);
  const [minTime, maxTime] = [Math.min(...times), Math.max(...times)];
  const [minCount, maxCount] = [Math.min(...counts), Math.max(...counts)];
  const x = (time: number) =>
    PAD.left +
    (maxTime === minTime
      ? (WIDTH - PAD.left - PAD.right) / 2
      : ((time - minTime) / (maxTime - minTime)) * (WIDTH - PAD.left - PAD.right));
  const y = (count: number) =>
    HEIGHT -
    PAD.bottom -
    (maxCount === minCount ? 0.5 : (count - minCount) / (maxCount - minCount)) * (HEIGHT - PAD.top - PAD.bottom);
  const path = points
    .map((point, index) => `${index === 0 ? 'M' : 'L'}${x(times[index]!).toFixed(1)},${y(point.useCount).toFixed(1)}`)
    .join(' ');
  const day = (time: number) => new Date(time).toISOString().slice(0, 10);
  return (
    <figure className="grid gap-2">
      <svg
        viewBox={`0 0 ${WIDTH} ${HEIGHT}`}
        role="img"
        aria-label={`Use count from ${minCount.toLocaleString('en-US')} to ${maxCount.toLocaleString('en-US')} between ${day(minTime)} and ${day(maxTime)}`}
        className="w-full max-w-xl text-blue-600 dark:text-blue-400"
      >
        <line
          x1={PAD.left}
          x2={WIDTH - PAD.right}
          y1={HEIGHT - PAD.bottom}
          y2={HEIGHT - PAD.bottom}
          className="stroke-zinc-300 dark:stroke-zinc-700"
        />
        <text x={PAD.left - 6} y={y(maxCount) + 4} textAnchor="end" className="fill-zinc-500 text-[11px]">
          {maxCount.toLocaleString('en-US')}
        </text>
        <text x={PAD.left - 6} y={y(minCount) + 4} textAnchor="end" className="fill-zinc-500 text-[11px]">
          {minCount.toLocaleString('en-US')}
        </text>
        <text x={PAD.left} y={HEIGHT - 6} className="fill-zinc-500 text-[11px]">
          {day(minTime)}
        </text>
        <text x={WIDTH - PAD.right} y={HEIGHT - 6} textAnchor="end" className="fill-zinc-500 text-[11px]">
          {day(maxTime)}
        </text>
        <path d={path} fill="none" stroke="currentColor" strokeWidth={2} strokeLinejoin="round" />
        {points.map((point, index) => (
          <circle key={point.takenAt} cx={x(times[index]!)} cy={y(point.useCount)} r={2.5} fill="currentColor">
            <title>{`${point.useCount.toLocaleString('en-US')} uses at ${point.takenAt}`}</title>
          </circle>
        ))}
      </svg>
      <figcaption className="sr-only">
        <table>
          <tbody>
            {points.map((point) => (
              <tr key={point.takenAt}>
                <td>{point.takenAt}</td>
                <td>{point.useCount}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </figcaption>
    </figure>
  );
}
