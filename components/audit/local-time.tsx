'use client';

import { useFormatter, useTimeZone } from 'next-intl';
import { useSyncExternalStore } from 'react';

/**
 * When an audit line happened, in the reader's time zone with the zone shown ("22 Nov 2026, 12:00:00 EET"), and
 * how long ago beneath it. The zone is the request's (next-intl's provider: the user's choice, else the zone the
 * browser said in a cookie), so the server and the browser write the same time and nothing changes on hydration.
 * "How long ago" is the browser's alone (the server's clock would be stale by the time it is read): it appears
 * after hydration and is kept current. Plain text, not a control: a page of 50 lines is not 50 Tab stops.
 */

// One clock for every LocalTime on the page, read every 30 s while any is mounted; null on the server.
let clockMs = Date.now();
const listeners = new Set<() => void>();
let timer: ReturnType<typeof setInterval> | undefined;

function subscribe(listener: () => void) {
  listeners.add(listener);
  clockMs = Date.now();
  timer ??= setInterval(() => {
    clockMs = Date.now();
    for (const notify of listeners) notify();
  }, 30_000);
  return () => {
    listeners.delete(listener);
    if (listeners.size === 0 && timer) {
      clearInterval(timer);
      timer = undefined;
    }
  };
}

export function LocalTime({ date }: { date: string }) {
  const format = useFormatter();
  const timeZone = useTimeZone();
  const nowMs = useSyncExternalStore(
    subscribe,
    () => clockMs,
    () => null,
  );
  const when = new Date(date);
  return (
    <>
      <time dateTime={date} title={timeZone} className="block whitespace-nowrap">
        {format.dateTime(when, 'exactWithZone')}
      </time>
      {nowMs === null ? null : (
        <span className="block text-xs text-zinc-500 dark:text-zinc-400">{format.relativeTime(when, nowMs)}</span>
      )}
    </>
  );
}
