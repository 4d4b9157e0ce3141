'use client';

import { useState, type ReactNode } from 'react';
import { useRouter } from 'next/navigation';
import { useMutation } from '@tanstack/react-query';

import { api, type ApiError } from '@/components/api/api-client';
import { FormError } from '@/components/api/form-error';
import { useFormValues } from '@/components/api/use-form-values';
import { Button } from '@/components/ui/button';
import { Dialog, DialogContent, DialogTrigger } from '@/components/ui/dialog';
import { Form } from '@/components/ui/form';
import { PASSWORD_LIFETIME_DAYS } from '@/lib/accounts/credential-health';
import { Input } from '@/components/ui/input';
import { DisabledReason } from '@/components/ui/tooltip';

type Mode = { kind: 'add'; defaultBaseUrl: string } | { kind: 'rotate'; accountId: string; label: string };

const CREDENTIAL_KINDS = [
  { value: 'API_KEY', label: 'an account API key (recommended: it does not expire)' },
  { value: 'PASSWORD', label: `the account password (expires every ${PASSWORD_LIFETIME_DAYS} days without 2FA)` },
] as const;

/**
 * Adds an account, or replaces an account's credential. sendSMS checks the credential before anything is saved;
 * a refusal is shown in the dialog (beside the field it is about), which stays open with what was typed. On
 * success the dialog closes and its fields are emptied.
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
      <DisabledReason reason={deniedReason}>
        <Button
          variant={mode.kind === 'add' ? 'primary' : 'secondary'}
          size={mode.kind === 'add' ? 'md' : 'sm'}
          disabled
        >
          {trigger}
        </Button>
      </DisabledReason>
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
        title={mode.kind === 'add' ? 'Add a sendSMS account' : `Rotate the credential of ${mode.label}`}
        description="sendSMS is asked for the balance with these details before anything is saved. The credential is stored encrypted and never shown again."
      >
        <Form onSubmit={submit} className="grid gap-3">
          {mode.kind === 'add' ? (
            <>
              <Input label="Label" required {...form.field('label')} />
              <Input label="sendSMS username" required autoComplete="off" {...form.field('username')} />
              <Input
                label="API base URL"
                {...form.field('apiBaseUrl')}
                placeholder={mode.defaultBaseUrl}
                description={`Empty: ${mode.defaultBaseUrl}`}
              />
            </>
          ) : null}
          <fieldset className="grid gap-1.5">
            <legend className="text-sm font-medium">The credential is</legend>
            {CREDENTIAL_KINDS.map((kind) => (
              <label key={kind.value} className="flex items-center gap-2 text-sm">
                <input
                  type="radio"
                  name="credentialKind"
                  value={kind.value}
                  checked={form.values.credentialKind === kind.value}
                  onChange={() => form.set('credentialKind', kind.value)}
                />
                {kind.label}
              </label>
            ))}
          </fieldset>
          <Input
            label="Credential"
            type="password"
            required
            autoComplete="new-password"
            {...form.field('credential')}
          />
          <FormError error={save.error} fields={form.fields} />
          <Button type="submit" disabled={save.isPending}>
            {save.isPending ? 'Checking with sendSMS…' : mode.kind === 'add' ? 'Check and add' : 'Check and replace'}
          </Button>
        </Form>
      </DialogContent>
    </Dialog>
  );
}
