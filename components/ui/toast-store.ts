import { useSyncExternalStore, type ReactNode } from 'react';

import type { Tone } from './badge';

export interface ToastMessage {
  title: ReactNode;
  description?: ReactNode;
  tone?: Tone;
  /** Milliseconds before it closes by itself; Radix pauses the timer on hover and focus. */
  duration?: number;
}

export interface QueuedToast extends ToastMessage {
  id: number;
}

/**
 * The toast queue: a module-level list, not React state, so code outside a component (a mutation's onError, say) can
 * push a toast. components/ui/toast.tsx shows it.
 */
let queuedToasts: readonly QueuedToast[] = [];
let nextToastId = 1;
const listeners = new Set<() => void>();
const noToasts: readonly QueuedToast[] = [];

function publish(next: readonly QueuedToast[]) {
  queuedToasts = next;
  for (const listener of listeners) listener();
}

function subscribe(listener: () => void) {
  listeners.add(listener);
  return () => {
    listeners.delete(listener);
  };
}

/** The one way to show a toast, from a component or from a mutation's callbacks alike. */
export function toast(message: ToastMessage): void {
  publish([...queuedToasts, { ...message, id: nextToastId++ }]);
}

export function dismissToast(id: number): void {
  publish(queuedToasts.filter((queued) => queued.id !== id));
}

/** The queued toasts, re-rendering when one is pushed or dismissed (none while the server renders). */
export function useQueuedToasts(): readonly QueuedToast[] {
  return useSyncExternalStore(
    subscribe,
    () => queuedToasts,
    () => noToasts,
  );
}
