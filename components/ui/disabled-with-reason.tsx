import { Children, cloneElement, isValidElement, useId, type ReactNode } from 'react';

import { cn } from './cn';

/**
 * Controls a person may not use, shown disabled with the reason beside them as text. A tooltip alone says nothing
 * on a touch screen nor to anyone who does not hover, and a disabled button takes no focus to open one; text that
 * is always there does, and each control names it with aria-describedby, so a screen reader reads the reason with
 * the control. Several controls refused for one reason share one sentence. No reason: the controls as they are.
 *
 * Each child must take `disabled` and `aria-describedby` (a Button, an Input, or a component passing them on to
 * its button). A control elsewhere on the page can point at the same sentence through `id`.
 */

interface DisableableProps {
  disabled?: boolean;
  'aria-describedby'?: string;
}

export interface DisabledWithReasonProps {
  /** Why, e.g. "Support staff cannot run requests that change a key". Null or empty: the controls may be used. */
  reason?: ReactNode;
  /** The controls. */
  children: ReactNode;
  /** The sentence's id, when another control names it too; generated otherwise. */
  id?: string;
  /** Classes of the wrapper, which lays the controls and the sentence out in a row that wraps. */
  className?: string;
}

export function DisabledWithReason({ reason, children, id, className }: DisabledWithReasonProps) {
  const generatedId = useId();
  const reasonId = id ?? generatedId;
  const refused = reason !== null && reason !== undefined && reason !== false && reason !== '';
  return (
    <span className={cn('inline-flex flex-wrap items-center gap-x-3 gap-y-1', className)}>
      {refused
        ? Children.map(children, (child) =>
            isValidElement<DisableableProps>(child)
              ? cloneElement(child, {
                  disabled: true,
                  'aria-describedby': [child.props['aria-describedby'], reasonId].filter(Boolean).join(' '),
                })
              : child,
          )
        : children}
      {refused ? (
        <span id={reasonId} data-testid="disabled-reason" className="text-sm text-zinc-600 dark:text-zinc-400">
          {reason}
        </span>
      ) : null}
    </span>
  );
}
