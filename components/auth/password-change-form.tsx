'use client';

import { useState, type FormEvent } from 'react';

import { Button } from '@/components/ui/button';
import { Input } from '@/components/ui/input';
import { apiRequest, ApiError } from './api-request';

/** The current password and a new one; on success every other session of the user has ended (this one goes on). */
export function PasswordChangeForm() {
  const [values, setValues] = useState({ currentPassword: '', newPassword: '' });
  const [errors, setErrors] = useState<{ form?: string; currentPassword?: string; newPassword?: string }>({});
  const [done, setDone] = useState(false);
  const [pending, setPending] = useState(false);

  async function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    setPending(true);
    setErrors({});
    setDone(false);
    try {
      await apiRequest('/api/auth/password', { method: 'PUT', body: JSON.stringify(values) });
      setValues({ currentPassword: '', newPassword: '' });
      setDone(true);
    } catch (failure) {
      if (!(failure instanceof ApiError))
        return setErrors({ form: 'The dashboard could not be reached. Nothing was changed.' });
      const field =
        (failure.body as { field?: unknown; issues?: Array<{ path: string; message: string }> } | null) ?? null;
      const byField = Object.fromEntries((field?.issues ?? []).map((issue) => [issue.path, issue.message]));
      setErrors(Object.keys(byField).length > 0 ? byField : { form: failure.message });
    } finally {
      setPending(false);
    }
  }

  return (
    <form onSubmit={submit} className="grid gap-3" aria-labelledby="password-heading">
      <h2 id="password-heading" className="text-lg font-semibold">
        Password
      </h2>
      <Input
        label="Current password"
        type="password"
        autoComplete="current-password"
        required
        value={values.currentPassword}
        onChange={(event) => setValues({ ...values, currentPassword: event.target.value })}
        error={errors.currentPassword}
      />
      <Input
        label="New password"
        type="password"
        autoComplete="new-password"
        description="At least 12 characters. Your other sessions end when it changes."
        required
        value={values.newPassword}
        onChange={(event) => setValues({ ...values, newPassword: event.target.value })}
        error={errors.newPassword}
      />
      {errors.form ? (
        <p role="alert" className="text-sm text-red-700 dark:text-red-400">
          {errors.form}
        </p>
      ) : null}
      {done ? (
        <p role="status" className="text-sm font-medium text-green-800 dark:text-green-300">
          Password changed. Every other session of yours has ended.
        </p>
      ) : null}
      <Button type="submit" disabled={pending}>
        Change password
      </Button>
    </form>
  );
}
