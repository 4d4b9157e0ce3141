import { useId, type ReactNode } from 'react';

/**
 * What every form control shares: a visible label (placeholders vanish as soon as someone types), an optional
 * description, and the error that marks it invalid, each tied to the control by id so that screen readers read
 * them with it. Input and Select render their control inside; `useFieldIds` gives the control its attributes.
 */

export interface FieldText {
  label: ReactNode;
  description?: ReactNode;
  /** A message here marks the control invalid and is read out with it. */
  error?: ReactNode;
  required?: boolean;
}

export function useFieldIds({
  id,
  description,
  error,
  describedBy,
}: {
  id?: string;
  description?: ReactNode;
  error?: ReactNode;
  describedBy?: string;
}) {
  const generatedId = useId();
  const controlId = id ?? generatedId;
  const descriptionId = description ? `${controlId}-description` : undefined;
  const errorId = error ? `${controlId}-error` : undefined;
  return {
    controlId,
    descriptionId,
    errorId,
    controlProps: {
      id: controlId,
      'aria-describedby': [describedBy, descriptionId, errorId].filter(Boolean).join(' ') || undefined,
      'aria-invalid': error ? true : undefined,
    },
  };
}

export function Field({
  label,
  description,
  error,
  required,
  ids,
  children,
}: FieldText & { ids: ReturnType<typeof useFieldIds>; children: ReactNode }) {
  return (
    <div className="grid gap-1.5">
      <label htmlFor={ids.controlId} className="text-sm font-medium text-zinc-900 dark:text-zinc-100">
        {label}
        {required ? (
          <span aria-hidden="true" className="ml-0.5 text-red-600 dark:text-red-400">
            *
          </span>
        ) : null}
      </label>
      {children}
      {description ? (
        <p id={ids.descriptionId} className="text-sm text-zinc-600 dark:text-zinc-400">
          {description}
        </p>
      ) : null}
      {error ? (
        <p id={ids.errorId} className="text-sm font-medium text-red-700 dark:text-red-400">
          {error}
        </p>
      ) : null}
    </div>
  );
}
