import type { ComponentProps } from 'react';

import { cn } from './cn';
import { StrokeIcon } from './stroke-icon';

/**
 * The × that closes a dialog, the menu drawer or a toast. A plain button: put it inside the primitive's Close with
 * `asChild`, and name it by what it closes (aria-label).
 */
export function CloseButton({ className, small = false, ...props }: ComponentProps<'button'> & { small?: boolean }) {
  return (
    <button
      type="button"
      className={cn(
        'inline-flex items-center justify-center rounded-md text-zinc-500 transition-colors hover:bg-zinc-100 hover:text-zinc-900',
        'focus-visible:outline-2 focus-visible:outline-blue-600 dark:text-zinc-400 dark:hover:bg-zinc-800 dark:hover:text-zinc-100 dark:focus-visible:outline-blue-400',
        small ? 'size-6' : 'size-8',
        className,
      )}
      {...props}
    >
      <StrokeIcon path="M4 4l8 8M12 4l-8 8" className={small ? 'size-3.5' : 'size-4'} />
    </button>
  );
}
