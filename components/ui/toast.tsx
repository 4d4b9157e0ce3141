'use client';

import { useState } from 'react';
import dynamic from 'next/dynamic';

import { useQueuedToasts } from './toast-store';

export { toast, type ToastMessage } from './toast-store';

// Radix's toast region (and the layers under it) loads with the first toast, not with every page: most pages never
// show one, and the keys page's first load stays within its JavaScript budget.
const ToastList = dynamic(() => import('./toast-list').then((module) => module.ToastList), { ssr: false });

/** Mounted once in the root layout: shows the queued toasts, once there has been one. */
export function Toaster() {
  const toasts = useQueuedToasts();
  // Once shown the region stays (state set during render, React's way to follow a changed input), so a toast's exit
  // animation and the next toast need no second load.
  const [shown, setShown] = useState(false);
  if (toasts.length > 0 && !shown) setShown(true);
  return shown || toasts.length > 0 ? <ToastList toasts={toasts} /> : null;
}
