'use client';

import { useState } from 'react';
import { useMutation, useQueryClient } from '@tanstack/react-query';

import type { ApiError } from '@/components/api/api-client';
import { FormError, fieldError } from '@/components/api/form-error';
import { Button } from '@/components/ui/button';
import { Dialog, DialogClose, DialogContent, DialogFooter, DialogTrigger } from '@/components/ui/dialog';
import { Form } from '@/components/ui/form';
import { Input } from '@/components/ui/input';
import { toast } from '@/components/ui/toast';
import { KEY_NAME_MAX, keyNameProblem } from '@/lib/keys/key-name';
import { renameScope } from '@/lib/keys/rename-scope';
import type { KeyDetailView } from '@/lib/keys/types';
import { keysApi } from './keys-api';
import { keysQueryKeys } from './query-keys';

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
  const { key, accountId } = detail;
  const queryClient = useQueryClient();
  const [open, setOpen] = useState(false);
  const [name, setName] = useState(key.name);
  // Shown once the user tried to save, or as soon as a name was typed and then emptied: not on an untouched field.
  const [checked, setChecked] = useState(false);
  const problem = checked ? keyNameProblem(name) : null;

  const rename = useMutation<Awaited<ReturnType<typeof keysApi.rename>>, ApiError, string>({
    mutationFn: (newName) => keysApi.rename(accountId, key.id, newName),
    onSuccess: (result) => {
      queryClient.setQueryData<KeyDetailView>(keysQueryKeys.detail(accountId, key.id), (current) =>
        current ? { ...current, key: { ...current.key, name: result.name } } : current,
      );
      setOpen(false);
      toast({
        title: `Renamed to “${result.name}”`,
        description: result.upstreamKnowsName
          ? result.upstreamName === result.name
            ? 'sendSMS knows the key by this name too.'
            : `The name is this dashboard’s label: sendSMS still knows the key as “${result.upstreamName}”.`
          : 'The name is this dashboard’s label: sendSMS has not told us a name for this key.',
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
          Rename
        </Button>
      </DialogTrigger>
      <DialogContent title={`Rename “${key.name}”`} description={renameScope(key.upstreamName)}>
        <Form
          className="grid gap-4"
          noValidate
          onSubmit={() => {
            setChecked(true);
            if (keyNameProblem(name) === null) rename.mutate(name.trim());
          }}
        >
          <Input
            label="Name"
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
              <Button variant="ghost">Cancel</Button>
            </DialogClose>
            <Button type="submit" disabled={rename.isPending}>
              {rename.isPending ? 'Saving…' : 'Save'}
            </Button>
          </DialogFooter>
        </Form>
      </DialogContent>
    </Dialog>
  );
}
