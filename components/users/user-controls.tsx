'use client';

import { useId, useState } from 'react';
import { useRouter } from 'next/navigation';
import { useMutation } from '@tanstack/react-query';
import { useTranslations } from 'next-intl';

import { api, type ApiError } from '@/components/api/api-client';
import { FormError, fieldError } from '@/components/api/form-error';
import { useFormValues } from '@/components/api/use-form-values';
import { Button } from '@/components/ui/button';
import { Dialog, DialogContent, DialogTrigger } from '@/components/ui/dialog';
import { Form } from '@/components/ui/form';
import { Input } from '@/components/ui/input';
import { Select } from '@/components/ui/select';
import { NEW_USER_ROLE } from '@/lib/auth/role-names';
import { toast } from '@/components/ui/toast';
import type { UserSummary } from '@/lib/users/user-service';

export interface AccountChoice {
  id: string;
  label: string;
}

/** The roles the signed-in admin may give, with their names (from the permission table and the messages, on the server). */
export type RoleChoice = readonly [role: string, name: string];

interface UserChange {
  /** What the toast says once it is saved. */
  label: string;
  method: 'post' | 'put' | 'patch' | 'delete';
  path: string;
  body?: object;
}

/**
 * A change on the Users page: saved, said in a toast, and the page (read on the server) read again. A refusal is
 * said in a toast too, unless `quiet`: a form shows it beside its fields instead.
 */
function useUserChange({ quiet = false } = {}) {
  const router = useRouter();
  const t = useTranslations('users');
  return useMutation<unknown, ApiError, UserChange>({
    mutationFn: ({ method, path, body }) => api[method](path, body),
    onSuccess: (_result, { label }) => {
      toast({ title: label, tone: 'success' });
      router.refresh();
    },
    onError: (error) => {
      if (!quiet) toast({ title: t('notSaved'), description: error.message, tone: 'danger' });
    },
  });
}

const userPath = (user: UserSummary, rest = '') => `/api/users/${encodeURIComponent(user.id)}${rest}`;

function MembershipBoxes({
  accounts,
  selected,
  onChange,
  error,
}: {
  accounts: AccountChoice[];
  selected: string[];
  onChange: (next: string[]) => void;
  error: unknown;
}) {
  const t = useTranslations('users');
  const message = fieldError(error, 'accountIds');
  const errorId = useId();
  return (
    <fieldset className="grid gap-1" aria-describedby={message ? errorId : undefined}>
      <legend className="text-sm font-medium">{t('memberships.legend')}</legend>
      {accounts.map((account) => (
        <label key={account.id} className="flex items-center gap-2 text-sm">
          <input
            type="checkbox"
            checked={selected.includes(account.id)}
            onChange={(event) =>
              onChange(event.target.checked ? [...selected, account.id] : selected.filter((id) => id !== account.id))
            }
          />
          {account.label}
        </label>
      ))}
      {message ? (
        <p id={errorId} className="text-sm font-medium text-red-700 dark:text-red-400">
          {message}
        </p>
      ) : null}
    </fieldset>
  );
}

export function CreateUserDialog({ accounts, roles }: { accounts: AccountChoice[]; roles: readonly RoleChoice[] }) {
  const t = useTranslations('users');
  const [open, setOpen] = useState(false);
  const firstRole = roles.find(([role]) => role === NEW_USER_ROLE)?.[0] ?? roles[0]?.[0] ?? NEW_USER_ROLE;
  const create = useUserChange({ quiet: true });
  const form = useFormValues({ name: '', email: '', role: firstRole, password: '' }, create.error);
  const [accountIds, setAccountIds] = useState<string[]>([]);

  const submit = () =>
    create.mutate(
      {
        label: t('create.created'),
        method: 'post',
        path: '/api/users',
        body: { ...form.values, password: form.values.password || undefined, accountIds },
      },
      {
        onSuccess: () => {
          setOpen(false);
          form.reset();
          setAccountIds([]);
        },
      },
    );

  return (
    <Dialog open={open} onOpenChange={setOpen}>
      <DialogTrigger asChild>
        <Button>{t('create.open')}</Button>
      </DialogTrigger>
      <DialogContent title={t('create.title')} description={t('create.description')}>
        <Form onSubmit={submit} className="grid gap-3">
          <Input label={t('create.name')} required {...form.field('name')} />
          <Input label={t('create.email')} type="email" required {...form.field('email')} />
          <Select
            label={t('create.role')}
            {...form.field('role')}
            options={roles.map(([role, name]) => ({ value: role, label: name }))}
          />
          <Input
            label={t('create.password')}
            type="password"
            autoComplete="new-password"
            description={t('create.passwordHint')}
            {...form.field('password')}
          />
          <MembershipBoxes accounts={accounts} selected={accountIds} onChange={setAccountIds} error={create.error} />
          <FormError error={create.error} fields={[...form.fields, 'accountIds']} />
          <Button type="submit" disabled={create.isPending}>
            {t('create.submit')}
          </Button>
        </Form>
      </DialogContent>
    </Dialog>
  );
}

export function UserRowControls({
  user,
  accounts,
  roles,
  isSelf,
}: {
  user: UserSummary;
  accounts: AccountChoice[];
  roles: readonly RoleChoice[];
  isSelf: boolean;
}) {
  const t = useTranslations('users');
  const change = useUserChange();
  const memberships = useUserChange({ quiet: true });
  const pending = change.isPending || memberships.isPending;
  const [accountIds, setAccountIds] = useState(user.accountIds);
  const patch = (body: object, label: string) => change.mutate({ label, method: 'patch', path: userPath(user), body });

  return (
    <div className="flex flex-wrap items-start gap-2">
      <label className="sr-only" htmlFor={`role-${user.id}`}>
        {t('row.roleOf', { email: user.email })}
      </label>
      <select
        id={`role-${user.id}`}
        disabled={pending || isSelf}
        title={isSelf ? t('row.ownRole') : undefined}
        className="h-8 rounded-md border border-zinc-300 bg-white px-2 text-sm dark:border-zinc-700 dark:bg-zinc-900"
        value={user.role}
        onChange={(event) => patch({ role: event.target.value }, t('row.roleChanged'))}
      >
        {roles.map(([role, name]) => (
          <option key={role} value={role}>
            {name}
          </option>
        ))}
      </select>
      <Dialog>
        <DialogTrigger asChild>
          <Button size="sm" variant="secondary">
            {t('memberships.open')}
          </Button>
        </DialogTrigger>
        <DialogContent title={t('memberships.title', { email: user.email })} description={t('memberships.description')}>
          <MembershipBoxes
            accounts={accounts}
            selected={accountIds}
            onChange={setAccountIds}
            error={memberships.error}
          />
          <FormError error={memberships.error} fields={['accountIds']} />
          <Button
            disabled={pending}
            onClick={() =>
              memberships.mutate({
                label: t('memberships.saved'),
                method: 'patch',
                path: userPath(user),
                body: { accountIds },
              })
            }
          >
            {t('memberships.save')}
          </Button>
        </DialogContent>
      </Dialog>
      {user.twoFactorEnabled ? (
        <Button
          size="sm"
          variant="secondary"
          disabled={pending}
          onClick={() =>
            change.mutate({
              label: t('row.twoFactorReset'),
              method: 'delete',
              path: userPath(user, '/two-factor'),
            })
          }
        >
          {t('row.resetTwoFactor')}
        </Button>
      ) : null}
      {isSelf ? null : user.disabled ? (
        <Button
          size="sm"
          variant="secondary"
          disabled={pending}
          onClick={() => patch({ disabled: false }, t('row.enabled'))}
        >
          {t('row.enable')}
        </Button>
      ) : (
        <Button
          size="sm"
          variant="danger"
          disabled={pending}
          onClick={() => patch({ disabled: true }, t('row.disabled'))}
        >
          {t('row.disable', { email: user.email })}
        </Button>
      )}
    </div>
  );
}

export function AdminTwoFactorPolicy({ required }: { required: boolean }) {
  const t = useTranslations('users');
  const change = useUserChange();
  return (
    <label className="flex items-center gap-2 text-sm">
      <input
        type="checkbox"
        checked={required}
        disabled={change.isPending}
        onChange={(event) =>
          change.mutate({
            label: t('twoFactorPolicy.saved'),
            method: 'put',
            path: '/api/users/two-factor-policy',
            body: { requireAdminTwoFactor: event.target.checked },
          })
        }
      />
      {t('twoFactorPolicy.label')}
    </label>
  );
}
