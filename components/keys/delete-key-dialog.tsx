'use client';

import { useState } from 'react';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useRouter } from 'next/navigation';
import { useFormatter, useTranslations } from 'next-intl';

import type { ApiError } from '@/components/api/api-client';
import { FormError, fieldError } from '@/components/api/form-error';
import { Button } from '@/components/ui/button';
import { Dialog, DialogContent, DialogFooter, DialogTrigger } from '@/components/ui/dialog';
import { DisabledWithReason } from '@/components/ui/disabled-with-reason';
import { Form } from '@/components/ui/form';
import { Input } from '@/components/ui/input';
import { toast } from '@/components/ui/toast';
import type { KeyDetailView } from '@/lib/keys/types';
import { keysApi } from './keys-api';
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
  const t = useTranslations('keys.deleteDialog');
  const format = useFormatter();
  const { key, accountId } = detail;
  const router = useRouter();
  const queryClient = useQueryClient();
  const [open, setOpen] = useState(false);
  // "used 4 minutes ago" is said of the moment the dialog opened.
  const [openedAt, setOpenedAt] = useState<Date | null>(null);
  const [typed, setTyped] = useState('');
  const remove = useMutation<Awaited<ReturnType<typeof keysApi.remove>>, ApiError>({
    mutationFn: () => keysApi.remove(accountId, key.id, typed),
    onSuccess: (result) => {
      setOpen(false);
      toast(
        result.revokedUpstream
          ? {
              title: t('deletedTitle', { name: key.name }),
              description: t('deletedDescription'),
              tone: 'success',
            }
          : {
              title: t('removedTitle', { name: key.name }),
              description: (
                <span>
                  {t.rich('removedDescription', {
                    url: result.revokeAt ?? '',
                    link: (chunks) => (
                      <a className="underline" href={result.revokeAt ?? '#'} target="_blank" rel="noreferrer">
                        {chunks}
                      </a>
                    ),
                  })}
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
  const inUseText = ({ lastUsedAt, useCount }: NonNullable<KeyDetailView['inUse']>) => {
    const when = format.relativeTime(new Date(lastUsedAt), openedAt ?? undefined);
    return useCount === null ? t('inUseCountUnknown', { when }) : t('inUse', { when, count: useCount });
  };
  return (
    <Dialog
      open={open}
      onOpenChange={(next) => {
        setOpen(next);
        if (next) setOpenedAt(new Date());
        if (!next) {
          setTyped('');
          remove.reset();
        }
      }}
    >
      <DialogTrigger asChild>
        <Button variant="danger" disabled={disabled} aria-describedby={describedBy}>
          {t('trigger')}
        </Button>
      </DialogTrigger>
      <DialogContent
        title={t('title', { name: key.name })}
        description={t(detail.deleteUpstream === 'unsupported' ? 'descriptionUnsupported' : 'description')}
      >
        {detail.inUse ? (
          <p
            role="alert"
            data-testid="in-use-warning"
            className="rounded-md border border-red-300 bg-red-50 p-3 text-sm text-red-900 dark:border-red-800 dark:bg-red-950 dark:text-red-200"
          >
            {inUseText(detail.inUse)}
          </p>
        ) : null}
        <Form className="grid gap-4" onSubmit={() => remove.mutate()}>
          <Input
            label={t('confirmLabel', { name: key.name })}
            autoComplete="off"
            value={typed}
            onChange={(event) => setTyped(event.target.value)}
            error={fieldError(remove.error, 'confirmName')}
          />
          <FormError error={remove.error} fields={['confirmName']} />
          <DialogFooter>
            <DisabledWithReason reason={typed !== key.name ? t('typeNameReason') : null} className="justify-end">
              <Button variant="danger" type="submit" disabled={remove.isPending}>
                {t(remove.isPending ? 'deleting' : remove.error?.retryable ? 'tryAgain' : 'confirm')}
              </Button>
            </DisabledWithReason>
          </DialogFooter>
        </Form>
      </DialogContent>
    </Dialog>
  );
}
