'use client';

import { useTranslations } from 'next-intl';
import { Toast as ToastPrimitive } from 'radix-ui';

import type { Tone } from './badge';
import { CloseButton } from './close-button';
import { cn } from './cn';
import { dismissToast, type QueuedToast } from './toast-store';

const toneClasses: Record<Tone, string> = {
  neutral: 'border-zinc-200 dark:border-zinc-700',
  success: 'border-green-300 dark:border-green-800',
  warning: 'border-amber-300 dark:border-amber-800',
  danger: 'border-red-300 dark:border-red-800',
  info: 'border-blue-300 dark:border-blue-800',
};

const toneMarkerClasses: Record<Tone, string> = {
  neutral: 'bg-zinc-400',
  success: 'bg-green-600 dark:bg-green-400',
  warning: 'bg-amber-500 dark:bg-amber-400',
  danger: 'bg-red-600 dark:bg-red-400',
  info: 'bg-blue-600 dark:bg-blue-400',
};

/** The queued toasts in Radix's toast region, loaded by the Toaster (components/ui/toast.tsx) on the first toast. */
export function ToastList({ toasts }: { toasts: readonly QueuedToast[] }) {
  const t = useTranslations('common');

  return (
    <ToastPrimitive.Provider swipeDirection="right" duration={5000} label={t('notification')}>
      {toasts.map(({ id, title, description, tone = 'neutral', duration }) => (
        <ToastPrimitive.Root
          key={id}
          duration={duration}
          // Failures and warnings interrupt the screen reader; everything else waits its turn.
          type={tone === 'danger' || tone === 'warning' ? 'foreground' : 'background'}
          onOpenChange={(open) => {
            if (!open) dismissToast(id);
          }}
          className={cn(
            'relative flex gap-3 rounded-lg border bg-white p-4 pr-10 text-zinc-900 shadow-lg dark:bg-zinc-900 dark:text-zinc-100',
            'motion-safe:data-[state=open]:animate-slide-in data-[swipe=move]:translate-x-(--radix-toast-swipe-move-x)',
            'data-[swipe=cancel]:translate-x-0 data-[swipe=cancel]:transition-transform',
            toneClasses[tone],
          )}
        >
          <span aria-hidden="true" className={cn('mt-1.5 size-2 shrink-0 rounded-full', toneMarkerClasses[tone])} />
          <div className="grid gap-1">
            <ToastPrimitive.Title className="text-sm font-semibold">{title}</ToastPrimitive.Title>
            {description ? (
              <ToastPrimitive.Description className="text-sm text-zinc-600 dark:text-zinc-400">
                {description}
              </ToastPrimitive.Description>
            ) : null}
          </div>
          <ToastPrimitive.Close asChild>
            <CloseButton aria-label={t('dismiss')} small className="absolute top-3 right-3" />
          </ToastPrimitive.Close>
        </ToastPrimitive.Root>
      ))}
      <ToastPrimitive.Viewport
        // Radix puts the key that reaches the notifications (F8) where the message says {hotkey}.
        label={t('notifications', { hotkey: '{hotkey}' })}
        className="fixed right-0 bottom-0 z-100 flex max-h-dvh w-full flex-col gap-2 p-4 outline-none sm:max-w-sm"
      />
    </ToastPrimitive.Provider>
  );
}
