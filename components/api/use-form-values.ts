'use client';

import { useState, type ChangeEvent } from 'react';

import { fieldError } from './form-error';

/**
 * A form's text values and the props that bind each to its <Input> or <Select>: name, value, onChange, and the sentence the
 * last failed request (`error`) said about that field. `fields` lists them for <FormError>, so a sentence shown
 * beside its field is not repeated as the form's alert.
 */
export function useFormValues<Values extends Record<string, string>>(initial: Values, error?: unknown) {
  const [values, setValues] = useState(initial);
  const field = (name: keyof Values & string) => ({
    name,
    value: values[name],
    onChange: (event: ChangeEvent<HTMLInputElement | HTMLSelectElement>) =>
      setValues((current) => ({ ...current, [name]: event.target.value })),
    error: fieldError(error, name),
  });
  return {
    values,
    field,
    fields: Object.keys(initial),
    set: (name: keyof Values & string, value: string) => setValues((current) => ({ ...current, [name]: value })),
    reset: () => setValues(initial),
  };
}
