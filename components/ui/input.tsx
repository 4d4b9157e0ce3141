import type { ComponentProps } from 'react';

import { cn } from './cn';
import { Field, useFieldIds, type FieldText } from './field';

export interface InputProps extends Omit<ComponentProps<'input'>, 'children'>, Omit<FieldText, 'required'> {}

export function Input({
  label,
  description,
  error,
  id,
  className,
  'aria-describedby': describedBy,
  ...props
}: InputProps) {
  const ids = useFieldIds({ id, description, error, describedBy });
  return (
    <Field label={label} description={description} error={error} required={props.required} ids={ids}>
      <input
        {...ids.controlProps}
        className={cn(
          'h-9 w-full rounded-md border border-zinc-300 bg-white px-3 text-sm text-zinc-900 shadow-sm transition-colors',
          'placeholder:text-zinc-500 focus-visible:border-blue-600 focus-visible:outline-2 focus-visible:outline-offset-0 focus-visible:outline-blue-600/30',
          'disabled:cursor-not-allowed disabled:bg-zinc-100 disabled:text-zinc-500',
          'aria-invalid:border-red-600 aria-invalid:focus-visible:outline-red-600/30',
          'dark:border-zinc-700 dark:bg-zinc-900 dark:text-zinc-100 dark:placeholder:text-zinc-400',
          'dark:focus-visible:border-blue-400 dark:disabled:bg-zinc-800 dark:disabled:text-zinc-400 dark:aria-invalid:border-red-400',
          className,
        )}
        {...props}
      />
    </Field>
  );
}
