'use client';

import { useEffect, useState } from 'react';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useTranslations } from 'next-intl';

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
import { infrastructureChoices, usageLabelName, type KeysTranslator } from './labels';
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

/** The sendSMS action that generates keys: its name, not a word to translate. */
const TOKEN_GENERATE = 'token_generate';

/** How the key came to be, in a sentence: generated (one way or the other) or imported. */
function viaText(t: KeysTranslator, via: string): string | null {
  switch (via) {
    case 'token_generate':
      return t('generateDialog.viaTokenGenerate', { action: TOKEN_GENERATE });
    case 'authorize_application':
      return t('generateDialog.viaAuthorizeApplication', { action: TOKEN_GENERATE });
    case 'import':
      return t('generateDialog.viaImport');
    default:
      return null;
  }
}

export function GenerateKeyDialog({ accountId, onClose }: { accountId: string; onClose: () => void }) {
  const t = useTranslations('keys');
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
        title={t(
          created
            ? created.secret
              ? 'generateDialog.secretTitle'
              : 'generateDialog.importedTitle'
            : mode === 'generate'
              ? 'generateDialog.title'
              : 'generateDialog.importTitle',
        )}
        description={
          created
            ? created.secret
              ? t('generateDialog.secretDescription')
              : t('generateDialog.importedDescription', { name: created.name })
            : t(mode === 'generate' ? 'generateDialog.description' : 'generateDialog.importDescription')
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
                  <CopyButton text={created.secret} label={t('generateDialog.copySecretLabel')}>
                    {t('generateDialog.copySecret')}
                  </CopyButton>
                </div>
              </div>
            ) : null}
            <p className="text-sm text-zinc-600 dark:text-zinc-400">{viaText(t, created.via)}</p>
            {created.kindSetOnHub ? (
              <p className="text-sm text-amber-800 dark:text-amber-300">
                {t('generateDialog.kindSetOnHub', { kind: created.kind })}
              </p>
            ) : null}
            {created.kind === 'DEFAULT' ? (
              <p className="text-sm text-zinc-600 dark:text-zinc-400">{t('generateDialog.defaultLocks')}</p>
            ) : null}
            <DialogFooter>
              <Button onClick={close}>
                {t(created.secret ? 'generateDialog.closeAfterCopy' : 'generateDialog.close')}
              </Button>
            </DialogFooter>
          </div>
        ) : (
          <Form className="grid gap-4" onSubmit={() => generate.mutate()} noValidate>
            <Input
              label={t('generateDialog.name')}
              required
              maxLength={100}
              value={name}
              onChange={(event) => setName(event.target.value)}
              placeholder={t('generateDialog.namePlaceholder')}
              error={fieldError(generate.error, 'name')}
            />
            <Select
              label={t('generateDialog.usage')}
              value={usageLabel}
              onChange={(event) => {
                const preset = USAGE_PRESETS.find((candidate) => candidate.usageLabel === event.target.value);
                if (!preset) return;
                setPickedUsage(preset.usageLabel);
                setKind(preset.kind);
              }}
              options={USAGE_PRESETS.map((preset) => ({
                value: preset.usageLabel,
                label: usageLabelName(t, preset.usageLabel),
              }))}
            />
            <fieldset className="grid gap-2">
              <legend className="mb-1 text-sm font-medium">{t('generateDialog.infrastructure')}</legend>
              {infrastructureChoices(t).map((choice) => (
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
                label={t('generateDialog.secret')}
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
                {t(mode === 'generate' ? 'generateDialog.switchToImport' : 'generateDialog.switchToGenerate')}
              </Button>
              <DisabledWithReason
                reason={outcomeUnknown ? t('generateDialog.outcomeUnknown') : null}
                className="justify-end"
              >
                <Button type="submit" disabled={generate.isPending}>
                  {t(
                    generate.isPending
                      ? 'generateDialog.working'
                      : generate.error?.retryable
                        ? 'generateDialog.tryAgain'
                        : mode === 'generate'
                          ? 'generateDialog.generate'
                          : 'generateDialog.import',
                  )}
                </Button>
              </DisabledWithReason>
            </DialogFooter>
          </Form>
        )}
      </DialogContent>
    </Dialog>
  );
}
