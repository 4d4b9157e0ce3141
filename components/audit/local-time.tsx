'use client';

import { useSyncExternalStore } from 'react';

import { formatRelative } from '@/components/ui/relative-time';

/**
 * When an audit line happened, in the reader's own time zone with the zone shown ("22 Nov 2026, 12:00:00 EET"),
 * and how long ago beneath it. The server knows no reader's zone, so it renders UTC (said as such) and the browser
 * re-renders in its zone after hydration. Plain text, not a control: a page of 50 lines is not 50 Tab stops.
 */

const PARTS: Intl.DateTimeFormatOptions = {
  day: 'numeric',
  month: 'short',
  year: 'numeric',
  hour: '2-digit',
  minute: '2-digit',
  second: '2-digit',
  hourCycle: 'h23',
  timeZoneName: 'short',
};

const inUtc = new Intl.DateTimeFormat('en-GB', { ...PARTS, timeZone: 'UTC' });

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

let inReaderZone: Intl.DateTimeFormat | undefined;

export function LocalTime({ date }: { date: string }) {
  const nowMs = useSyncExternalStore(
    subscribe,
    () => clockMs,
    () => null,
  );
  const when = new Date(date);
  if (nowMs === null) {
    return (
      <time dateTime={date} className="block whitespace-nowrap">
        {inUtc.format(when)}
      </time>
    );
  }
  inReaderZone ??= new Intl.DateTimeFormat('en-GB', PARTS);
  return (
    <>
      <time dateTime={date} title={inReaderZone.resolvedOptions().timeZone} className="block whitespace-nowrap">
        {inReaderZone.format(when)}
      </time>
      <span className="block text-xs text-zinc-500 dark:text-zinc-400">{formatRelative(when, new Date(nowMs))}</span>
    </>
  );
}
