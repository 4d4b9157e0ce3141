import { useId, type ComponentProps, type ReactNode } from 'react';

import { cn } from './cn';

/** A native <select> with a visible label, styled like Input: keyboard, screen readers and mobile pickers for free. */
export interface SelectProps extends ComponentProps<'select'> {
  label: ReactNode;
  options: ReadonlyArray<{ value: string; label: string }>;
  /** A message here marks the choice invalid and is read out with it, as on Input. */
  error?: ReactNode;
}

export function Select({
  label,
  options,
  error,
  id,
  className,
  'aria-describedby': describedBy,
  ...props
}: SelectProps) {
  const generatedId = useId();
  const selectId = id ?? generatedId;
  const errorId = error ? `${selectId}-error` : undefined;
  const describedByIds = [describedBy, errorId].filter(Boolean).join(' ') || undefined;
  return (
    <div className="grid gap-1.5">
      <label htmlFor={selectId} className="text-sm font-medium text-zinc-900 dark:text-zinc-100">
        {label}
      </label>
      <select
        id={selectId}
        aria-describedby={describedByIds}
        aria-invalid={error ? true : undefined}
        className={cn(
          'h-9 rounded-md border border-zinc-300 bg-white px-2 text-sm text-zinc-900 shadow-sm focus-visible:border-blue-600 focus-visible:outline-2 focus-visible:outline-blue-600/30',
          'disabled:cursor-not-allowed disabled:bg-zinc-100 dark:border-zinc-700 dark:bg-zinc-900 dark:text-zinc-100',
          'aria-invalid:border-red-600 dark:aria-invalid:border-red-400',
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
      {error ? (
        <p id={errorId} className="text-sm font-medium text-red-700 dark:text-red-400">
          {error}
        </p>
      ) : null}
    </div>
  );
}
