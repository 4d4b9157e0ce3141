'use client';

import { useState } from 'react';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useTranslations } from 'next-intl';

import type { ApiError } from '@/components/api/api-client';
import { FormError, fieldError } from '@/components/api/form-error';
import { Button } from '@/components/ui/button';
import { Dialog, DialogClose, DialogContent, DialogFooter, DialogTrigger } from '@/components/ui/dialog';
import { Form } from '@/components/ui/form';
import { Input } from '@/components/ui/input';
import { toast } from '@/components/ui/toast';
import { KEY_NAME_MAX, keyNameProblem, type KeyNameProblem } from '@/lib/keys/key-name';
import type { KeyDetailView } from '@/lib/keys/types';
import { keysApi } from './keys-api';
import type { KeysTranslator } from './labels';
import { keysQueryKeys } from './query-keys';

/** What is wrong with a name (lib/keys/key-name.ts names it by a code), in the reader's language. */
function nameProblemText(t: KeysTranslator, problem: KeyNameProblem): string {
  return t(`renameDialog.problems.${problem}`, { max: KEY_NAME_MAX });
}

/**
 * Rename, in a dialog that says first where the name changes (only in this dashboard: sendSMS cannot rename keys).
 * A blank name is refused in the dialog before anything is sent, as the server would refuse it; any refusal keeps
 * the dialog open with what was typed. Escape or Cancel closes it and puts the focus back on Rename (the dialog's
 * trigger). `disabled` and `aria-describedby` go to the Rename button (see DisabledWithReason).
 */
export function RenameKeyDialog({
  detail,
  disabled,
  'aria-describedby': describedBy,
}: {
  detail: KeyDetailView;
  disabled?: boolean;
  'aria-describedby'?: string;
}) {
  const t = useTranslations('keys');
  const { key, accountId } = detail;
  const queryClient = useQueryClient();
  const [open, setOpen] = useState(false);
  const [name, setName] = useState(key.name);
  // Shown once the user tried to save, or as soon as a name was typed and then emptied: not on an untouched field.
  const [checked, setChecked] = useState(false);
  const problemFound = checked ? keyNameProblem(name) : null;
  const problem = problemFound === null ? null : nameProblemText(t, problemFound);

  const rename = useMutation<Awaited<ReturnType<typeof keysApi.rename>>, ApiError, string>({
    mutationFn: (newName) => keysApi.rename(accountId, key.id, newName),
    onSuccess: (result) => {
      queryClient.setQueryData<KeyDetailView>(keysQueryKeys.detail(accountId, key.id), (current) =>
        current ? { ...current, key: { ...current.key, name: result.name } } : current,
      );
      setOpen(false);
      toast({
        title: t('renameDialog.renamedTitle', { name: result.name }),
        description: result.upstreamKnowsName
          ? result.upstreamName === result.name
            ? t('renameDialog.upstreamSameName')
            : t('renameDialog.upstreamOtherName', { name: result.upstreamName ?? '' })
          : t('renameDialog.upstreamNoName'),
        tone: 'success',
      });
    },
    onSettled: () => queryClient.invalidateQueries({ queryKey: keysQueryKeys.account(accountId) }),
  });

  return (
    <Dialog
      open={open}
      onOpenChange={(next) => {
        setOpen(next);
        // Each opening starts from the key's current name.
        if (next) {
          setName(key.name);
          setChecked(false);
          rename.reset();
        }
      }}
    >
      <DialogTrigger asChild>
        <Button variant="secondary" disabled={disabled} aria-describedby={describedBy}>
          {t('renameDialog.trigger')}
        </Button>
      </DialogTrigger>
      <DialogContent
        title={t('renameDialog.title', { name: key.name })}
        // Only the dashboard's name changes: sendSMS has no action to rename a key (lib/keys/rename-scope.ts).
        description={
          key.upstreamName ? t('renameDialog.scopeNamed', { name: key.upstreamName }) : t('renameDialog.scopeUnnamed')
        }
      >
        <Form
          className="grid gap-4"
          noValidate
          onSubmit={() => {
            setChecked(true);
            if (keyNameProblem(name) === null) rename.mutate(name.trim());
          }}
        >
          <Input
            label={t('renameDialog.name')}
            required
            autoComplete="off"
            maxLength={KEY_NAME_MAX}
            value={name}
            onChange={(event) => {
              setName(event.target.value);
              if (event.target.value.trim() === '') setChecked(true);
            }}
            error={problem ?? fieldError(rename.error, 'name')}
          />
          <FormError error={rename.error} fields={['name']} />
          <DialogFooter>
            <DialogClose asChild>
              <Button variant="ghost">{t('renameDialog.cancel')}</Button>
            </DialogClose>
            <Button type="submit" disabled={rename.isPending}>
              {t(rename.isPending ? 'renameDialog.saving' : 'renameDialog.save')}
            </Button>
          </DialogFooter>
        </Form>
      </DialogContent>
    </Dialog>
  );
}
