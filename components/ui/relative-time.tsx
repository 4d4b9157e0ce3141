'use client';

import { useSyncExternalStore } from 'react';

import { Tooltip } from './tooltip';

/**
 * "4 minutes ago", with the exact time on hover and, for screen readers, in the text. Re-renders every 30 s so
 * that an open page does not say "just now" for an hour. `date` null shows `fallback` ("never").
 */

const UNITS: Array<[Intl.RelativeTimeFormatUnit, number]> = [
  ['year', 365 * 86_400_000],
  ['month', 30 * 86_400_000],
  ['day', 86_400_000],
  ['hour', 3_600_000],
  ['minute', 60_000],
];

const relative = new Intl.RelativeTimeFormat('en', { numeric: 'auto' });
const exact = new Intl.DateTimeFormat('en-GB', { dateStyle: 'medium', timeStyle: 'medium', timeZone: 'UTC' });

export function formatRelative(date: Date, now: Date): string {
  const elapsed = date.getTime() - now.getTime();
  for (const [unit, size] of UNITS) {
    if (Math.abs(elapsed) >= size) return relative.format(Math.round(elapsed / size), unit);
  }
  return 'just now';
}

export function formatExact(date: Date): string {
  return `${exact.format(date)} UTC`;
}

// One clock for every RelativeTime on the page, ticking every 30 s while any is mounted.
let clockMs = Date.now();
const clockListeners = new Set<() => void>();
let clockTimer: ReturnType<typeof setInterval> | undefined;

function subscribeToClock(listener: () => void) {
  clockListeners.add(listener);
  clockMs = Date.now();
  clockTimer ??= setInterval(() => {
    clockMs = Date.now();
    for (const notify of clockListeners) notify();
  }, 30_000);
  return () => {
    clockListeners.delete(listener);
    if (clockListeners.size === 0 && clockTimer) {
      clearInterval(clockTimer);
      clockTimer = undefined;
    }
  };
}

function readClock(): number {
  return clockMs;
}

export function RelativeTime({
  date,
  fallback = 'never',
  prefix,
}: {
  date: string | null;
  fallback?: string;
  prefix?: string;
}) {
  const nowMs = useSyncExternalStore(subscribeToClock, readClock, () => null);
  if (!date) return <span className="text-zinc-500 dark:text-zinc-400">{fallback}</span>;
  return <TimeWithExact date={date} now={nowMs === null ? null : new Date(nowMs)} prefix={prefix} />;
}

/**
 * The markup for one time, given "now" (null before hydration). The exact time is in the text itself, visually
 * hidden, so a screen reader reads it after "4 minutes ago" and no table of times has a Tab stop on every cell; the
 * tooltip is for the mouse only.
 */
export function TimeWithExact({ date, now, prefix }: { date: string; now: Date | null; prefix?: string }) {
  const when = new Date(date);
  const exactText = formatExact(when);
  // Before hydration there is no "now" that server and browser agree on: show the exact time until then. aria-live
  // off: the clock's ticks are not news, even inside a status notice (which would otherwise read it all again).
  return (
    <Tooltip content={exactText}>
      <time
        dateTime={date}
        aria-live="off"
        className="cursor-help underline decoration-zinc-400 decoration-dotted underline-offset-2"
      >
        {prefix}
        {now ? (
          <>
            {formatRelative(when, now)}
            <span className="sr-only"> ({exactText})</span>
          </>
        ) : (
          exactText
        )}
      </time>
    </Tooltip>
  );
}
