import { useTranslations } from 'next-intl';

import { ApiError, clientWords } from './api-client';

/**
 * How every form shows a failed request: the sentence beside the field it is about (pass `fieldError(error, name)`
 * as the field's `error`, which sets aria-invalid and aria-describedby), or, when none of the form's fields is
 * named, as the form's alert (<FormError>).
 */

/** The sentence about the first of `paths` the error names, for an <Input error>. */
export function fieldError(error: unknown, ...paths: string[]): string | undefined {
  if (!(error instanceof ApiError)) return undefined;
  for (const path of paths) if (error.fieldErrors[path]) return error.fieldErrors[path];
  return undefined;
}

/**
 * The sentence to show for any failure: the server's, or what went wrong in the browser; `unexpected` for a failure
 * that says nothing (the API client's, in the reader's language, unless given).
 */
export function errorSentence(error: unknown, unexpected = clientWords().unexpected): string {
  if (typeof error === 'string') return error;
  if (error instanceof Error && error.message) return error.message;
  return unexpected;
}

/**
 * The form's alert: the error's sentence, unless it is already shown beside one of `fields`. A string is shown as
 * it is (the sign-in form's messages are not from the API).
 */
export function FormError({ error, fields = [] }: { error: unknown; fields?: readonly string[] }) {
  const t = useTranslations('status.answer');
  if (error === null || error === undefined || error === '') return null;
  if (fields.some((field) => fieldError(error, field) !== undefined)) return null;
  return (
    <p role="alert" className="text-sm font-medium text-red-700 dark:text-red-400">
      {errorSentence(error, t('unexpected'))}
    </p>
  );
}
