'use client';

import { useState, type ReactNode } from 'react';
import { useRouter } from 'next/navigation';
import { useMutation } from '@tanstack/react-query';
import { useTranslations } from 'next-intl';

import { api, type ApiError } from '@/components/api/api-client';
import { FormError } from '@/components/api/form-error';
import { useFormValues } from '@/components/api/use-form-values';
import { Button } from '@/components/ui/button';
import { DisabledWithReason } from '@/components/ui/disabled-with-reason';
import { Dialog, DialogContent, DialogTrigger } from '@/components/ui/dialog';
import { Form } from '@/components/ui/form';
import { PASSWORD_LIFETIME_DAYS } from '@/lib/accounts/credential-health';
import { Input } from '@/components/ui/input';

type Mode = { kind: 'add'; defaultBaseUrl: string } | { kind: 'rotate'; accountId: string; label: string };

/** The credential kinds the API takes (values, not words: their labels come from the messages). */
const CREDENTIAL_KINDS = ['API_KEY', 'PASSWORD'] as const;

/**
 * Adds an account, or replaces an account's credential. sendSMS checks the credential before anything is saved;
 * a refusal is shown in the dialog (beside the field it is about), which stays open with what was typed. On
 * success the dialog closes and its fields are emptied. Refused to the signed-in user: the button disabled, with
 * the reason as text beside it.
 */
export function AccountFormDialog({
  mode,
  deniedReason,
  trigger,
}: {
  mode: Mode;
  deniedReason: string | null;
  trigger: ReactNode;
}) {
  const t = useTranslations('accounts');
  const router = useRouter();
  const [open, setOpen] = useState(false);
  const save = useMutation<unknown, ApiError, Record<string, string>>({
    mutationFn: (values) =>
      mode.kind === 'add'
        ? api.post('/api/accounts', values)
        : api.put(`/api/accounts/${encodeURIComponent(mode.accountId)}/credential`, {
            credential: values.credential,
            credentialKind: values.credentialKind,
          }),
  });
  const form = useFormValues(
    { label: '', username: '', apiBaseUrl: '', credential: '', credentialKind: 'API_KEY' },
    save.error,
  );

  const submit = () =>
    save.mutate(form.values, {
      onSuccess: () => {
        form.reset();
        setOpen(false);
        router.refresh();
      },
    });

  if (deniedReason) {
    return (
      <DisabledWithReason reason={deniedReason}>
        <Button
          variant={mode.kind === 'add' ? 'primary' : 'secondary'}
          size={mode.kind === 'add' ? 'md' : 'sm'}
          disabled
        >
          {trigger}
        </Button>
      </DisabledWithReason>
    );
  }

  return (
    <Dialog open={open} onOpenChange={setOpen}>
      <DialogTrigger asChild>
        <Button variant={mode.kind === 'add' ? 'primary' : 'secondary'} size={mode.kind === 'add' ? 'md' : 'sm'}>
          {trigger}
        </Button>
      </DialogTrigger>
      <DialogContent
        title={mode.kind === 'add' ? t('form.addTitle') : t('form.rotateTitle', { label: mode.label })}
        description={t('form.description')}
      >
        <Form onSubmit={submit} className="grid gap-3">
          {mode.kind === 'add' ? (
            <>
              <Input label={t('form.label')} required {...form.field('label')} />
              <Input label={t('form.username')} required autoComplete="off" {...form.field('username')} />
              <Input
                label={t('form.apiBaseUrl')}
                {...form.field('apiBaseUrl')}
                placeholder={mode.defaultBaseUrl}
                description={t('form.apiBaseUrlHint', { url: mode.defaultBaseUrl })}
              />
            </>
          ) : null}
          <fieldset className="grid gap-1.5">
            <legend className="text-sm font-medium">{t('form.credentialKind')}</legend>
            {CREDENTIAL_KINDS.map((kind) => (
              <label key={kind} className="flex items-center gap-2 text-sm">
                <input
                  type="radio"
                  name="credentialKind"
                  value={kind}
                  checked={form.values.credentialKind === kind}
                  onChange={() => form.set('credentialKind', kind)}
                />
                {kind === 'API_KEY' ? t('form.kindApiKey') : t('form.kindPassword', { days: PASSWORD_LIFETIME_DAYS })}
              </label>
            ))}
          </fieldset>
          <Input
            label={t('form.credential')}
            type="password"
            required
            autoComplete="new-password"
            {...form.field('credential')}
          />
          <FormError error={save.error} fields={form.fields} />
          <Button type="submit" disabled={save.isPending}>
            {save.isPending
              ? t('form.checking')
              : mode.kind === 'add'
                ? t('form.checkAndAdd')
                : t('form.checkAndReplace')}
          </Button>
        </Form>
      </DialogContent>
    </Dialog>
  );
}
