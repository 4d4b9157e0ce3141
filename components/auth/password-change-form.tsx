'use client';

import { useMutation } from '@tanstack/react-query';
import { useTranslations } from 'next-intl';

import { api, type ApiError } from '@/components/api/api-client';
import { FormError } from '@/components/api/form-error';
import { useFormValues } from '@/components/api/use-form-values';
import { Button } from '@/components/ui/button';
import { Form } from '@/components/ui/form';
import { Input } from '@/components/ui/input';

/** The current password and a new one; on success every other session of the user has ended (this one goes on). */
export function PasswordChangeForm() {
  const t = useTranslations('auth');
  const change = useMutation<unknown, ApiError, Record<string, string>>({
    mutationFn: (values) => api.put('/api/auth/password', values),
  });
  const form = useFormValues({ currentPassword: '', newPassword: '' }, change.error);

  return (
    <Form
      onSubmit={() => change.mutate(form.values, { onSuccess: form.reset })}
      className="grid gap-3"
      aria-labelledby="password-heading"
    >
      <h2 id="password-heading" className="text-lg font-semibold">
        {t('passwordChange.heading')}
      </h2>
      <Input
        label={t('passwordChange.currentPassword')}
        type="password"
        autoComplete="current-password"
        required
        {...form.field('currentPassword')}
      />
      <Input
        label={t('passwordChange.newPassword')}
        type="password"
        autoComplete="new-password"
        description={t('passwordChange.newPasswordHint')}
        required
        {...form.field('newPassword')}
      />
      <FormError error={change.error} fields={form.fields} />
      {change.isSuccess ? (
        <p role="status" className="text-sm font-medium text-green-800 dark:text-green-300">
          {t('passwordChange.changed')}
        </p>
      ) : null}
      <Button type="submit" disabled={change.isPending}>
        {t('passwordChange.submit')}
      </Button>
    </Form>
  );
}
