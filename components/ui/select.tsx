import type { ComponentProps } from 'react';

import { cn } from './cn';
import { Field, useFieldIds, type FieldText } from './field';

/** A native <select> with a visible label, styled like Input: keyboard, screen readers and mobile pickers for free. */
export interface SelectProps extends ComponentProps<'select'>, Omit<FieldText, 'description' | 'required'> {
  options: ReadonlyArray<{ value: string; label: string }>;
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
  const ids = useFieldIds({ id, error, describedBy });
  return (
    <Field label={label} error={error} ids={ids}>
      <select
        {...ids.controlProps}
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
    </Field>
  );
}
