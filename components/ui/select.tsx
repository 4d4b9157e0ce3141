import { useId, type ComponentProps, type ReactNode } from 'react';

import { cn } from './cn';

/** A native <select> with a visible label, styled like Input: keyboard, screen readers and mobile pickers for free. */
export interface SelectProps extends ComponentProps<'select'> {
  label: ReactNode;
  options: ReadonlyArray<{ value: string; label: string }>;
}

export function Select({ label, options, id, className, ...props }: SelectProps) {
  const generatedId = useId();
  const selectId = id ?? generatedId;
  return (
    <div className="grid gap-1.5">
      <label htmlFor={selectId} className="text-sm font-medium text-zinc-900 dark:text-zinc-100">
        {label}
      </label>
      <select
        id={selectId}
        className={cn(
          'h-9 rounded-md border border-zinc-300 bg-white px-2 text-sm text-zinc-900 shadow-sm focus-visible:border-blue-600 focus-visible:outline-2 focus-visible:outline-blue-600/30',
          'disabled:cursor-not-allowed disabled:bg-zinc-100 dark:border-zinc-700 dark:bg-zinc-900 dark:text-zinc-100',
          className,
        )}
        {...props}
      >
        {options.map((option) => (
          <option key={option.value} value={option.value}>
            {option.label}
          </option>
        ))}
      </select>
    </div>
  );
}
