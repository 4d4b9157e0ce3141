'use client';

import { useEffect, useState } from 'react';
import { useMutation, useQueryClient } from '@tanstack/react-query';

import type { ApiError } from '@/components/api/api-client';
import { FormError, fieldError } from '@/components/api/form-error';
import { Button } from '@/components/ui/button';
import { Dialog, DialogContent, DialogFooter } from '@/components/ui/dialog';
import { DisabledWithReason } from '@/components/ui/disabled-with-reason';
import { Form } from '@/components/ui/form';
import { Input } from '@/components/ui/input';
import { Select } from '@/components/ui/select';
import { USAGE_PRESETS, usageLabelFor } from '@/lib/keys/inputs-presets';
import type { KeyKind, KeyUsageLabel } from '@/lib/keys/types';
import { CopyButton } from './copy-button';
import { keysApi } from './keys-api';
import { INFRASTRUCTURE_CHOICES, KIND_LABELS } from './labels';
import { keysQueryKeys } from './query-keys';

/**
 * "Generate a new API Key", like the hub's dialog: a name (with the usage presets), the infrastructure choice
 * (fixed IP → Default Key, dynamic IP → Cloud), then Generate. The secret is shown once: the dialog cannot be
 * closed by Escape or a click outside, the browser asks before the page is left, and the list is refreshed only
 * once the user closes it. Where sendSMS cannot generate keys, the same dialog imports one made on the hub.
 * Open while mounted (GenerateKeyButton mounts it); closing calls onClose.
 */

type Mode = 'generate' | 'import';
type Created = { secret: string | null; name: string; kind: KeyKind; via: string; kindSetOnHub: boolean };

const VIA_TEXT: Record<string, string> = {
  token_generate: 'Generated with sendSMS’s token_generate.',
  authorize_application:
    'Generated through sendSMS’s application authorization (three steps), because this account has no token_generate.',
  import: 'Imported: sendSMS confirmed the key belongs to this account.',
};

export function GenerateKeyDialog({ accountId, onClose }: { accountId: string; onClose: () => void }) {
  const queryClient = useQueryClient();
  const [mode, setMode] = useState<Mode>('generate');
  const [name, setName] = useState('');
  const [kind, setKind] = useState<KeyKind>('DEFAULT');
  // The preset the user picked, if any; until then the usage label follows the infrastructure.
  const [pickedUsage, setPickedUsage] = useState<KeyUsageLabel | null>(null);
  const usageLabel = usageLabelFor(kind, pickedUsage);
  const [secretInput, setSecretInput] = useState('');
  const [created, setCreated] = useState<Created | null>(null);

  const generate = useMutation<Created, ApiError>({
    mutationFn: async () => {
      if (mode === 'import') {
        const imported = await keysApi.import(accountId, { name, kind, usageLabel, secret: secretInput });
        return { secret: null, name: imported.key.name, kind: imported.key.kind, via: 'import', kindSetOnHub: false };
      }
      const result = await keysApi.generate(accountId, { name, kind, usageLabel });
      return {
        secret: result.secret,
        name: result.key.name,
        kind: result.key.kind,
        via: result.via,
        kindSetOnHub: result.kindSetOnHub,
      };
    },
    onSuccess: (result) => {
      setCreated(result);
      setSecretInput('');
    },
    onError: (error) => {
      if (error.code === 'unsupported' && mode === 'generate') setMode('import');
    },
  });

  // While the secret is on screen, leaving the page loses it for good: ask first.
  useEffect(() => {
    if (!created?.secret) return;
    const warn = (event: BeforeUnloadEvent) => {
      event.preventDefault();
      event.returnValue = '';
    };
    window.addEventListener('beforeunload', warn);
    return () => window.removeEventListener('beforeunload', warn);
  }, [created]);

  const close = () => {
    // Only now: refreshing the list behind an open secret could re-render and lose it. After a failure too: one whose
    // outcome is unknown is listed as being checked.
    if (created !== null || generate.isError)
      void queryClient.invalidateQueries({ queryKey: keysQueryKeys.account(accountId) });
    onClose();
  };

  // sendSMS may have made the key (the server answers 503, not retryable, "outcome unknown, checking"): generating
  // again could make a second one, so the button waits until the dialog is opened afresh.
  const outcomeUnknown = generate.error?.status === 503 && !generate.error.retryable;

  return (
    <Dialog
      open
      onOpenChange={(next) => {
        // The secret view closes only through its own button.
        if (!next && !created) close();
      }}
    >
      <DialogContent
        dismissable={created === null}
        // Focus goes back to the Generate button, which onClose does: the dialog has no trigger of its own.
        onCloseAutoFocus={(event) => event.preventDefault()}
        title={
          created
            ? created.secret
              ? 'Your new API key'
              : 'Key imported'
            : mode === 'generate'
              ? 'Generate a new API Key'
              : 'Import a key made on the hub'
        }
        description={
          created
            ? created.secret
              ? 'Copy it now and keep it safe: it will never be shown again.'
              : `“${created.name}” is in the list.`
            : mode === 'generate'
              ? 'Name the key by its use and choose the infrastructure carefully.'
              : 'Paste the key the hub showed you; sendSMS is asked whether it belongs to this account before it is saved.'
        }
      >
        {created ? (
          <div className="grid gap-4">
            {created.secret ? (
              <div className="grid gap-2">
                <code
                  data-testid="new-key-secret"
                  className="rounded-md border border-zinc-300 bg-zinc-50 p-3 font-mono text-sm break-all select-all dark:border-zinc-700 dark:bg-zinc-950"
                >
                  {created.secret}
                </code>
                <div>
                  <CopyButton text={created.secret} label="Copy key: the new API key">
                    Copy key
                  </CopyButton>
                </div>
              </div>
            ) : null}
            <p className="text-sm text-zinc-600 dark:text-zinc-400">{VIA_TEXT[created.via]}</p>
            {created.kindSetOnHub ? (
              <p className="text-sm text-amber-800 dark:text-amber-300">
                sendSMS could not be told the kind through this route: set it to {KIND_LABELS[created.kind]} on the hub
                (Account &gt; API Keys).
              </p>
            ) : null}
            {created.kind === 'DEFAULT' ? (
              <p className="text-sm text-zinc-600 dark:text-zinc-400">
                This Default Key will lock to the IP address of its first request.
              </p>
            ) : null}
            <DialogFooter>
              <Button onClick={close}>{created.secret ? 'I have copied the key, close' : 'Close'}</Button>
            </DialogFooter>
          </div>
        ) : (
          <Form className="grid gap-4" onSubmit={() => generate.mutate()} noValidate>
            <Input
              label="Name"
              required
              maxLength={100}
              value={name}
              onChange={(event) => setName(event.target.value)}
              placeholder="API Key Test"
              error={fieldError(generate.error, 'name')}
            />
            <Select
              label="Usage"
              value={usageLabel}
              onChange={(event) => {
                const preset = USAGE_PRESETS.find((candidate) => candidate.usageLabel === event.target.value);
                if (!preset) return;
                setPickedUsage(preset.usageLabel);
                setKind(preset.kind);
              }}
              options={USAGE_PRESETS.map((preset) => ({ value: preset.usageLabel, label: preset.label }))}
            />
            <fieldset className="grid gap-2">
              <legend className="mb-1 text-sm font-medium">Infrastructure</legend>
              {INFRASTRUCTURE_CHOICES.map((choice) => (
                <label
                  key={choice.kind}
                  className="flex cursor-pointer gap-2 rounded-md border border-zinc-200 p-3 has-checked:border-blue-600 dark:border-zinc-700"
                >
                  <input
                    type="radio"
                    name="kind"
                    value={choice.kind}
                    checked={kind === choice.kind}
                    onChange={() => setKind(choice.kind)}
                    className="mt-1"
                  />
                  <span className="grid gap-0.5">
                    <span className="text-sm font-medium">{choice.title}</span>
                    <span className="text-sm text-zinc-600 dark:text-zinc-400">{choice.explanation}</span>
                  </span>
                </label>
              ))}
            </fieldset>
            {mode === 'import' ? (
              <Input
                label="Key"
                required
                autoComplete="off"
                spellCheck={false}
                value={secretInput}
                onChange={(event) => setSecretInput(event.target.value)}
                error={fieldError(generate.error, 'secret')}
              />
            ) : null}
            <FormError error={generate.error} fields={mode === 'import' ? ['name', 'secret'] : ['name']} />
            <DialogFooter>
              <Button variant="ghost" onClick={() => setMode(mode === 'generate' ? 'import' : 'generate')}>
                {mode === 'generate' ? 'Import a key made on the hub' : 'Generate instead'}
              </Button>
              <DisabledWithReason
                reason={
                  outcomeUnknown
                    ? 'sendSMS may have made the key: open this dialog again once the key list shows the outcome'
                    : null
                }
                className="justify-end"
              >
                <Button type="submit" disabled={generate.isPending}>
                  {generate.isPending
                    ? 'Working…'
                    : generate.error?.retryable
                      ? 'Try again'
                      : mode === 'generate'
                        ? 'Generate'
                        : 'Import'}
                </Button>
              </DisabledWithReason>
            </DialogFooter>
          </Form>
        )}
      </DialogContent>
    </Dialog>
  );
}
