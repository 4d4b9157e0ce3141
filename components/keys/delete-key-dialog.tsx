'use client';

import { useState } from 'react';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useRouter } from 'next/navigation';

import type { ApiError } from '@/components/api/api-client';
import { FormError, fieldError } from '@/components/api/form-error';
import { Button } from '@/components/ui/button';
import { Dialog, DialogContent, DialogFooter, DialogTrigger } from '@/components/ui/dialog';
import { DisabledWithReason } from '@/components/ui/disabled-with-reason';
import { Form } from '@/components/ui/form';
import { Input } from '@/components/ui/input';
import { formatRelative } from '@/components/ui/relative-time';
import { toast } from '@/components/ui/toast';
import type { KeyDetailView } from '@/lib/keys/types';
import { keysApi } from './keys-api';
import { formatCount } from './labels';
import { keysQueryKeys } from './query-keys';

/**
 * Delete with the key's name typed to confirm, and a warning when an integration is using it ("this key is
 * actively in use: used 4 minutes ago, 1,204 uses"). The dialog stays open on failure, with the reason. `disabled`
 * and `aria-describedby` go to the Delete key button (see DisabledWithReason).
 */
export function DeleteKeyDialog({
  detail,
  disabled,
  'aria-describedby': describedBy,
}: {
  detail: KeyDetailView;
  disabled?: boolean;
  'aria-describedby'?: string;
}) {
  const { key, accountId } = detail;
  const router = useRouter();
  const queryClient = useQueryClient();
  const [open, setOpen] = useState(false);
  const [typed, setTyped] = useState('');
  const remove = useMutation<Awaited<ReturnType<typeof keysApi.remove>>, ApiError>({
    mutationFn: () => keysApi.remove(accountId, key.id, typed),
    onSuccess: (result) => {
      setOpen(false);
      toast(
        result.revokedUpstream
          ? {
              title: `“${key.name}” deleted`,
              description: 'sendSMS revoked it: calls with it are refused from now on.',
              tone: 'success',
            }
          : {
              title: `“${key.name}” removed from this dashboard`,
              description: (
                <span>
                  sendSMS cannot delete keys for this account through its API: revoke it on the hub (Account &gt; API
                  Keys) at{' '}
                  <a className="underline" href={result.revokeAt ?? '#'} target="_blank" rel="noreferrer">
                    {result.revokeAt}
                  </a>
                  . Until then it still works.
                </span>
              ),
              tone: 'warning',
              duration: 15_000,
            },
      );
      void queryClient.invalidateQueries({ queryKey: keysQueryKeys.account(accountId) });
      router.push(`/accounts/${accountId}/api-keys`);
    },
    // A deletion whose outcome is unknown shows on the key's page as being checked.
    onError: () => void queryClient.invalidateQueries({ queryKey: keysQueryKeys.account(accountId) }),
  });
  return (
    <Dialog
      open={open}
      onOpenChange={(next) => {
        setOpen(next);
        if (!next) {
          setTyped('');
          remove.reset();
        }
      }}
    >
      <DialogTrigger asChild>
        <Button variant="danger" disabled={disabled} aria-describedby={describedBy}>
          Delete key
        </Button>
      </DialogTrigger>
      <DialogContent
        title={`Delete “${key.name}”?`}
        description={
          detail.deleteUpstream === 'unsupported'
            ? 'sendSMS cannot delete keys for this account through its API: the key will be removed here and you will be sent to the hub to revoke it.'
            : 'sendSMS will revoke the key: every integration using it will be refused.'
        }
      >
        {detail.inUse ? (
          <p
            role="alert"
            data-testid="in-use-warning"
            className="rounded-md border border-red-300 bg-red-50 p-3 text-sm text-red-900 dark:border-red-800 dark:bg-red-950 dark:text-red-200"
          >
            This key is actively in use: used {formatRelative(new Date(detail.inUse.lastUsedAt), new Date())},{' '}
            {formatCount(detail.inUse.useCount)} uses.
          </p>
        ) : null}
        <Form className="grid gap-4" onSubmit={() => remove.mutate()}>
          <Input
            label={`Type “${key.name}” to confirm`}
            autoComplete="off"
            value={typed}
            onChange={(event) => setTyped(event.target.value)}
            error={fieldError(remove.error, 'confirmName')}
          />
          <FormError error={remove.error} fields={['confirmName']} />
          <DialogFooter>
            <DisabledWithReason
              reason={typed !== key.name ? 'Type the key’s name exactly, as above, to delete it' : null}
              className="justify-end"
            >
              <Button variant="danger" type="submit" disabled={remove.isPending}>
                {remove.isPending ? 'Deleting…' : remove.error?.retryable ? 'Try again' : 'Delete this key'}
              </Button>
            </DisabledWithReason>
          </DialogFooter>
        </Form>
      </DialogContent>
    </Dialog>
  );
}
