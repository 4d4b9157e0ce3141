'use client';

import { useFormatter, useTranslations } from 'next-intl';
import { useSyncExternalStore, type ReactNode } from 'react';

import { Tooltip } from './tooltip';

/**
 * "4 minutes ago", with the exact time on hover and, for screen readers, in the text. Re-renders every 30 s so
 * that an open page does not say "just now" for an hour. `date` null shows `fallback` ("never"). Words, numbers and
 * the time zone are the reader's (next-intl's provider).
 */

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
  fallback,
  prefix,
}: {
  date: string | null;
  /** What to say without a date; "never" unless told. */
  fallback?: ReactNode;
  prefix?: ReactNode;
}) {
  const t = useTranslations('common.time');
  const nowMs = useSyncExternalStore(subscribeToClock, readClock, () => null);
  if (!date) return <span className="text-zinc-600 dark:text-zinc-400">{fallback ?? t('never')}</span>;
  return <TimeWithExact date={date} now={nowMs === null ? null : new Date(nowMs)} prefix={prefix} />;
}

/**
 * The markup for one time, given "now" (null before hydration). The exact time is in the text itself, visually
 * hidden, so a screen reader reads it after "4 minutes ago" and no table of times has a Tab stop on every cell; the
 * tooltip is for the mouse only.
 */
export function TimeWithExact({ date, now, prefix }: { date: string; now: Date | null; prefix?: ReactNode }) {
  const format = useFormatter();
  const when = new Date(date);
  const exactText = format.dateTime(when, 'exactWithZone');
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
            {format.relativeTime(when, now)}
            <span className="sr-only"> ({exactText})</span>
          </>
        ) : (
          exactText
        )}
      </time>
    </Tooltip>
  );
}
