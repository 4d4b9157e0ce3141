'use client';

import type { ComponentProps, ReactElement, ReactNode } from 'react';
import { Tooltip as TooltipPrimitive } from 'radix-ui';

import { cn } from './cn';

/** Mounted once in the root layout so every tooltip shares one open delay. */
export function TooltipProvider(props: ComponentProps<typeof TooltipPrimitive.Provider>) {
  return <TooltipPrimitive.Provider delayDuration={300} {...props} />;
}

export interface TooltipProps extends Omit<ComponentProps<typeof TooltipPrimitive.Content>, 'content'> {
  content: ReactNode;
  /** A single focusable element: the tooltip opens on its hover and keyboard focus. */
  children: ReactElement;
}

export function Tooltip({ content, children, className, sideOffset = 6, ...props }: TooltipProps) {
  return (
    <TooltipPrimitive.Root>
      <TooltipPrimitive.Trigger asChild>{children}</TooltipPrimitive.Trigger>
      <TooltipPrimitive.Portal>
        <TooltipPrimitive.Content
          sideOffset={sideOffset}
          className={cn(
            'z-50 max-w-xs rounded-md bg-zinc-900 px-2.5 py-1.5 text-xs leading-snug text-zinc-50 shadow-md',
            'motion-safe:animate-fade-in dark:bg-zinc-100 dark:text-zinc-900',
            className,
          )}
          {...props}
        >
          {content}
          <TooltipPrimitive.Arrow className="fill-zinc-900 dark:fill-zinc-100" />
        </TooltipPrimitive.Content>
      </TooltipPrimitive.Portal>
    </TooltipPrimitive.Root>
  );
}

export interface DisabledReasonProps {
  /** Why the control is unavailable, e.g. "Only account admins can delete keys". Nothing: render the control as is. */
  reason?: ReactNode;
  /** The disabled control. */
  children: ReactElement;
}

/**
 * A disabled <button> gets neither focus nor pointer events, so a tooltip on it never opens. The wrapper takes the
 * focus and the hover in its place, so keyboard and mouse users both learn why they cannot use the control.
 */
export function DisabledReason({ reason, children }: DisabledReasonProps) {
  if (!reason) return children;
  return (
    <Tooltip content={reason}>
      <span
        tabIndex={0}
        className="inline-flex rounded-md focus-visible:outline-2 focus-visible:outline-offset-2 focus-visible:outline-blue-600 dark:focus-visible:outline-blue-400 *:pointer-events-none"
      >
        {children}
      </span>
    </Tooltip>
  );
}
