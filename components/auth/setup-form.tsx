'use client';

import { useRouter } from 'next/navigation';
import { useMutation } from '@tanstack/react-query';
import { useTranslations } from 'next-intl';

import { api, type ApiError } from '@/components/api/api-client';
import { FormError } from '@/components/api/form-error';
import { useFormValues } from '@/components/api/use-form-values';
import { Button } from '@/components/ui/button';
import { Form } from '@/components/ui/form';
import { Input } from '@/components/ui/input';

/** Creates the first admin, then sends them to sign in with what they just chose. */
export function SetupForm() {
  const t = useTranslations('auth');
  const router = useRouter();
  const create = useMutation<unknown, ApiError, Record<string, string>>({
    mutationFn: (values) => api.post('/api/auth/setup', values),
    onSuccess: () => router.push('/login'),
  });
  const form = useFormValues({ name: '', email: '', password: '' }, create.error);

  return (
    <Form onSubmit={() => create.mutate(form.values)} className="grid gap-4">
      <Input label={t('setup.name')} required autoComplete="name" {...form.field('name')} />
      <Input label={t('setup.email')} type="email" required autoComplete="username" {...form.field('email')} />
      <Input
        label={t('setup.password')}
        type="password"
        required
        autoComplete="new-password"
        description={t('setup.passwordHint')}
        {...form.field('password')}
      />
      <FormError error={create.error} fields={form.fields} />
      <Button type="submit" disabled={create.isPending}>
        {t('setup.submit')}
      </Button>
    </Form>
  );
}
