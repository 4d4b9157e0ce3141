import { useId, type ComponentProps, type ReactNode } from 'react';

import { cn } from './cn';

export interface InputProps extends Omit<ComponentProps<'input'>, 'children'> {
  /** Every field has a visible label: placeholders vanish as soon as someone types. */
  label: ReactNode;
  description?: ReactNode;
  /** A message here marks the field invalid and is read out with it. */
  error?: ReactNode;
}

export function Input({
  label,
  description,
  error,
  id,
  className,
  'aria-describedby': describedBy,
  ...props
}: InputProps) {
  const generatedId = useId();
  const inputId = id ?? generatedId;
  const descriptionId = description ? `${inputId}-description` : undefined;
  const errorId = error ? `${inputId}-error` : undefined;
  const describedByIds = [describedBy, descriptionId, errorId].filter(Boolean).join(' ') || undefined;

  return (
    <div className="grid gap-1.5">
      <label htmlFor={inputId} className="text-sm font-medium text-zinc-900 dark:text-zinc-100">
        {label}
        {props.required ? (
          <span aria-hidden="true" className="ml-0.5 text-red-600 dark:text-red-400">
            *
          </span>
        ) : null}
      </label>
      <input
        id={inputId}
        aria-describedby={describedByIds}
        aria-invalid={error ? true : undefined}
        className={cn(
          'h-9 w-full rounded-md border border-zinc-300 bg-white px-3 text-sm text-zinc-900 shadow-sm transition-colors',
          'placeholder:text-zinc-400 focus-visible:border-blue-600 focus-visible:outline-2 focus-visible:outline-offset-0 focus-visible:outline-blue-600/30',
          'disabled:cursor-not-allowed disabled:bg-zinc-100 disabled:text-zinc-500',
          'aria-invalid:border-red-600 aria-invalid:focus-visible:outline-red-600/30',
          'dark:border-zinc-700 dark:bg-zinc-900 dark:text-zinc-100 dark:placeholder:text-zinc-500',
          'dark:focus-visible:border-blue-400 dark:disabled:bg-zinc-800 dark:disabled:text-zinc-400 dark:aria-invalid:border-red-400',
          className,
        )}
        {...props}
      />
      {description ? (
        <p id={descriptionId} className="text-sm text-zinc-600 dark:text-zinc-400">
          {description}
        </p>
      ) : null}
      {error ? (
        <p id={errorId} className="text-sm font-medium text-red-700 dark:text-red-400">
          {error}
        </p>
      ) : null}
    </div>
  );
}
