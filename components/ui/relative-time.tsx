'use client';

import { useSyncExternalStore } from 'react';

import { Tooltip } from './tooltip';

/**
 * "4 minutes ago", with the exact time on hover and focus. Re-renders every 30 s so that an open page does not
 * say "just now" for an hour. `date` null shows `fallback` ("never").
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
  const now = nowMs === null ? null : new Date(nowMs);
  if (!date) return <span className="text-zinc-500 dark:text-zinc-400">{fallback}</span>;
  const when = new Date(date);
  // Before hydration there is no "now" that server and browser agree on: show the exact time until then.
  const text = now ? formatRelative(when, now) : formatExact(when);
  return (
    <Tooltip content={formatExact(when)}>
      <time
        dateTime={date}
        tabIndex={0}
        className="cursor-help underline decoration-dotted decoration-zinc-400 underline-offset-2 focus-visible:outline-2 focus-visible:outline-blue-600"
      >
        {prefix}
        {text}
      </time>
    </Tooltip>
  );
}
