'use client';

import type { ComponentProps, ReactNode } from 'react';
import { useTranslations } from 'next-intl';
import { Dialog as DialogPrimitive } from 'radix-ui';

import { CloseButton } from './close-button';
import { cn } from './cn';

export const Dialog = DialogPrimitive.Root;
export const DialogTrigger = DialogPrimitive.Trigger;
export const DialogClose = DialogPrimitive.Close;

/** The dimmed page behind a modal dialog or the menu drawer. */
export function DialogOverlay({ className }: { className?: string }) {
  return (
    <DialogPrimitive.Overlay
      className={cn(
        'fixed inset-0 z-50 bg-zinc-950/50 motion-safe:data-[state=open]:animate-fade-in dark:bg-black/70',
        className,
      )}
    />
  );
}

export interface DialogContentProps extends Omit<ComponentProps<typeof DialogPrimitive.Content>, 'title'> {
  /** Required: it names the dialog for screen readers (Radix warns without one). */
  title: ReactNode;
  /** Required: it is what a screen reader reads after the title, e.g. what will happen on confirm. */
  description: ReactNode;
  /**
   * false: only an explicit button inside can close the dialog, not Escape nor a click outside. For dialogs whose
   * content is lost on close, such as a new API key's secret that is shown once.
   */
  dismissable?: boolean;
}

export function DialogContent({
  title,
  description,
  dismissable = true,
  className,
  children,
  onEscapeKeyDown,
  onPointerDownOutside,
  onInteractOutside,
  ...props
}: DialogContentProps) {
  const t = useTranslations('common');
  return (
    <DialogPrimitive.Portal>
      <DialogOverlay />
      <DialogPrimitive.Content
        className={cn(
          'fixed top-1/2 left-1/2 z-50 grid max-h-[calc(100dvh-2rem)] w-[calc(100vw-2rem)] max-w-lg -translate-x-1/2 -translate-y-1/2 gap-4 overflow-y-auto',
          'rounded-xl border border-zinc-200 bg-white p-6 text-zinc-900 shadow-xl focus:outline-none',
          'motion-safe:data-[state=open]:animate-pop-in dark:border-zinc-800 dark:bg-zinc-900 dark:text-zinc-100',
          className,
        )}
        onEscapeKeyDown={(event) => {
          if (!dismissable) event.preventDefault();
          onEscapeKeyDown?.(event);
        }}
        onPointerDownOutside={(event) => {
          if (!dismissable) event.preventDefault();
          onPointerDownOutside?.(event);
        }}
        onInteractOutside={(event) => {
          // Also covers focus moving outside, which would otherwise close the dialog too.
          if (!dismissable) event.preventDefault();
          onInteractOutside?.(event);
        }}
        {...props}
      >
        <div className="grid gap-1.5 pr-8">
          <DialogPrimitive.Title className="text-lg leading-tight font-semibold">{title}</DialogPrimitive.Title>
          <DialogPrimitive.Description className="text-sm text-zinc-600 dark:text-zinc-400">
            {description}
          </DialogPrimitive.Description>
        </div>
        {children}
        {dismissable ? (
          <DialogPrimitive.Close asChild>
            <CloseButton aria-label={t('close')} className="absolute top-4 right-4" />
          </DialogPrimitive.Close>
        ) : null}
      </DialogPrimitive.Content>
    </DialogPrimitive.Portal>
  );
}

export function DialogFooter({ className, ...props }: ComponentProps<'div'>) {
  return <div className={cn('flex flex-col-reverse gap-2 sm:flex-row sm:justify-end', className)} {...props} />;
}
