'use client';

import { useState, type FormEvent, type ReactNode } from 'react';
import { useRouter } from 'next/navigation';

import { apiRequest, ApiError } from '@/components/auth/api-request';
import { Button } from '@/components/ui/button';
import { Dialog, DialogContent, DialogTrigger } from '@/components/ui/dialog';
import { PASSWORD_LIFETIME_DAYS } from '@/lib/accounts/credential-health';
import { Input } from '@/components/ui/input';
import { DisabledReason } from '@/components/ui/tooltip';

type Mode = { kind: 'add'; defaultBaseUrl: string } | { kind: 'rotate'; accountId: string; label: string };

/**
 * Adds an account, or replaces an account's credential. sendSMS checks the credential before anything is saved;
 * a refusal is shown in the dialog, which stays open with what was typed (only the credential is cleared on success).
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
  const [values, setValues] = useState({
    label: '',
    username: '',
    apiBaseUrl: '',
    credential: '',
    credentialKind: 'API_KEY',
  });
  const [error, setError] = useState<string | null>(null);
  const [pending, setPending] = useState(false);

  const set = (name: keyof typeof values) => (event: { target: { value: string } }) =>
    setValues({ ...values, [name]: event.target.value });

  async function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    setPending(true);
    setError(null);
    try {
      if (mode.kind === 'add') {
        await apiRequest('/api/accounts', { method: 'POST', body: JSON.stringify(values) });
      } else {
        await apiRequest(`/api/accounts/${encodeURIComponent(mode.accountId)}/credential`, {
          method: 'PUT',
          body: JSON.stringify({ credential: values.credential, credentialKind: values.credentialKind }),
        });
      }
      setValues({ label: '', username: '', apiBaseUrl: '', credential: '', credentialKind: 'API_KEY' });
      setOpen(false);
      router.refresh();
    } catch (failure) {
      setError(failure instanceof ApiError ? failure.message : 'The dashboard could not be reached. Try again.');
    } finally {
      setPending(false);
    }
  }

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
        <form onSubmit={submit} className="grid gap-3">
          {mode.kind === 'add' ? (
            <>
              <Input label="Label" required value={values.label} onChange={set('label')} />
              <Input
                label="sendSMS username"
                required
                autoComplete="off"
                value={values.username}
                onChange={set('username')}
              />
              <Input
                label="API base URL"
                value={values.apiBaseUrl}
                onChange={set('apiBaseUrl')}
                placeholder={mode.defaultBaseUrl}
                description={`Empty: ${mode.defaultBaseUrl}`}
              />
            </>
          ) : null}
          <fieldset className="grid gap-1.5">
            <legend className="text-sm font-medium">The credential is</legend>
            <label className="flex items-center gap-2 text-sm">
              <input
                type="radio"
                name="credentialKind"
                value="API_KEY"
                checked={values.credentialKind === 'API_KEY'}
                onChange={set('credentialKind')}
              />
              an account API key (recommended: it does not expire)
            </label>
            <label className="flex items-center gap-2 text-sm">
              <input
                type="radio"
                name="credentialKind"
                value="PASSWORD"
                checked={values.credentialKind === 'PASSWORD'}
                onChange={set('credentialKind')}
              />
              the account password (expires every {PASSWORD_LIFETIME_DAYS} days without 2FA)
            </label>
          </fieldset>
          <Input
            label="Credential"
            type="password"
            required
            autoComplete="new-password"
            value={values.credential}
            onChange={set('credential')}
          />
          {error ? (
            <p role="alert" className="text-sm text-red-700 dark:text-red-400">
              {error}
            </p>
          ) : null}
          <Button type="submit" disabled={pending}>
            {pending ? 'Checking with sendSMS…' : mode.kind === 'add' ? 'Check and add' : 'Check and replace'}
          </Button>
        </form>
      </DialogContent>
    </Dialog>
  );
}
