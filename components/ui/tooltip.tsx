'use client';

import {
  cloneElement,
  useCallback,
  useEffect,
  useId,
  useLayoutEffect,
  useRef,
  useState,
  type FocusEvent,
  type MouseEvent,
  type ReactElement,
  type ReactNode,
  type Ref,
} from 'react';
import { createPortal } from 'react-dom';

import { cn } from './cn';

/**
 * A short text about a control, shown on hover (after a moment) and at once on keyboard focus, hidden on leave,
 * blur and Escape; the control names it with aria-describedby while it shows, so screen readers read it too.
 *
 * Written here rather than taken from a library: every dashboard page has tooltips, and a general positioning
 * engine for one placement rule (above the control, below when there is no room, kept inside the window) was the
 * largest script on the page after React itself.
 */

const OPEN_DELAY_MS = 300;
const GAP_PX = 6;
const MARGIN_PX = 4;

export interface TooltipProps {
  content: ReactNode;
  /** A single focusable element: the tooltip opens on its hover and keyboard focus. */
  children: ReactElement<TriggerProps>;
  className?: string;
}

interface TriggerProps {
  ref?: Ref<HTMLElement | null>;
  onMouseEnter?: (event: MouseEvent<HTMLElement>) => void;
  onMouseLeave?: (event: MouseEvent<HTMLElement>) => void;
  onFocus?: (event: FocusEvent<HTMLElement>) => void;
  onBlur?: (event: FocusEvent<HTMLElement>) => void;
  'aria-describedby'?: string;
}

export function Tooltip({ content, children, className }: TooltipProps) {
  const id = useId();
  const [open, setOpen] = useState(false);
  const [position, setPosition] = useState<{ top: number; left: number } | null>(null);
  const trigger = useRef<HTMLElement | null>(null);
  const bubble = useRef<HTMLDivElement | null>(null);
  const timer = useRef<ReturnType<typeof setTimeout> | undefined>(undefined);

  const show = useCallback((delay: number) => {
    clearTimeout(timer.current);
    timer.current = setTimeout(() => setOpen(true), delay);
  }, []);
  const hide = useCallback(() => {
    clearTimeout(timer.current);
    setOpen(false);
    setPosition(null);
  }, []);
  useEffect(() => () => clearTimeout(timer.current), []);

  // Escape closes it; so does scrolling, which would leave it behind its control.
  useEffect(() => {
    if (!open) return;
    const onKey = (event: KeyboardEvent) => {
      if (event.key === 'Escape') hide();
    };
    window.addEventListener('keydown', onKey);
    window.addEventListener('scroll', hide, true);
    window.addEventListener('resize', hide);
    return () => {
      window.removeEventListener('keydown', onKey);
      window.removeEventListener('scroll', hide, true);
      window.removeEventListener('resize', hide);
    };
  }, [open, hide]);

  // Above the control, centred; below it when there is no room above; always inside the window.
  useLayoutEffect(() => {
    if (!open || !trigger.current || !bubble.current) return;
    const anchor = trigger.current.getBoundingClientRect();
    const { width, height } = bubble.current.getBoundingClientRect();
    const above = anchor.top - GAP_PX - height;
    const top = above >= MARGIN_PX ? above : anchor.bottom + GAP_PX;
    const left = Math.min(
      Math.max(anchor.left + anchor.width / 2 - width / 2, MARGIN_PX),
      window.innerWidth - width - MARGIN_PX,
    );
    setPosition({ top, left });
  }, [open]);

  const own = children.props;

  return (
    <>
      {cloneElement(children, {
        // The child's own ref is not kept: no trigger here needs one.
        ref: trigger,
        'aria-describedby': open ? [own['aria-describedby'], id].filter(Boolean).join(' ') : own['aria-describedby'],
        onMouseEnter: (event) => {
          own.onMouseEnter?.(event);
          show(OPEN_DELAY_MS);
        },
        onMouseLeave: (event) => {
          own.onMouseLeave?.(event);
          hide();
        },
        onFocus: (event) => {
          own.onFocus?.(event);
          show(0);
        },
        onBlur: (event) => {
          own.onBlur?.(event);
          hide();
        },
      })}
      {open
        ? createPortal(
            <div
              ref={bubble}
              id={id}
              role="tooltip"
              style={{
                position: 'fixed',
                top: position?.top ?? 0,
                left: position?.left ?? 0,
                visibility: position ? 'visible' : 'hidden',
              }}
              className={cn(
                'pointer-events-none z-50 max-w-xs rounded-md bg-zinc-900 px-2.5 py-1.5 text-xs leading-snug text-zinc-50 shadow-md',
                'motion-safe:animate-fade-in dark:bg-zinc-100 dark:text-zinc-900',
                className,
              )}
            >
              {content}
            </div>,
            document.body,
          )
        : null}
    </>
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
