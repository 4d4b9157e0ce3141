'use client';

import { useState, type FormEvent } from 'react';
import { useRouter } from 'next/navigation';

import { apiRequest, ApiError } from '@/components/auth/api-request';
import { Button } from '@/components/ui/button';
import { Dialog, DialogContent, DialogTrigger } from '@/components/ui/dialog';
import { Input } from '@/components/ui/input';
import { toast } from '@/components/ui/toast';
import type { UserSummary } from '@/lib/users/user-service';

export interface AccountChoice {
  id: string;
  label: string;
}

/** The roles the signed-in admin may give, with their names (from the permission table, on the server). */
export type RoleChoice = readonly [role: string, name: string];

function useMutation() {
  const router = useRouter();
  const [pending, setPending] = useState(false);
  const run = async (label: string, request: () => Promise<unknown>): Promise<boolean> => {
    setPending(true);
    try {
      await request();
      toast({ title: label, tone: 'success' });
      router.refresh();
      return true;
    } catch (failure) {
      toast({
        title: 'Not saved',
        description: failure instanceof ApiError ? failure.message : 'The dashboard could not be reached.',
        tone: 'danger',
      });
      return false;
    } finally {
      setPending(false);
    }
  };
  return { pending, run };
}

function MembershipBoxes({
  accounts,
  selected,
  onChange,
}: {
  accounts: AccountChoice[];
  selected: string[];
  onChange: (next: string[]) => void;
}) {
  return (
    <fieldset className="grid gap-1">
      <legend className="text-sm font-medium">sendSMS accounts</legend>
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
    </fieldset>
  );
}

export function CreateUserDialog({ accounts, roles }: { accounts: AccountChoice[]; roles: readonly RoleChoice[] }) {
  const [open, setOpen] = useState(false);
  const firstRole = roles.find(([role]) => role === 'LEAD')?.[0] ?? roles[0]?.[0] ?? 'LEAD';
  const [values, setValues] = useState({ name: '', email: '', role: firstRole, password: '' });
  const [accountIds, setAccountIds] = useState<string[]>([]);
  const [error, setError] = useState<string | null>(null);
  const { pending, run } = useMutation();

  async function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    setError(null);
    const body = { ...values, password: values.password || undefined, accountIds };
    const saved = await run('User created', () =>
      apiRequest('/api/users', { method: 'POST', body: JSON.stringify(body) }).catch((failure: unknown) => {
        setError(failure instanceof ApiError ? failure.message : 'Not saved');
        throw failure;
      }),
    );
    if (saved) {
      setOpen(false);
      setValues({ name: '', email: '', role: firstRole, password: '' });
      setAccountIds([]);
    }
  }

  return (
    <Dialog open={open} onOpenChange={setOpen}>
      <DialogTrigger asChild>
        <Button>Create user</Button>
      </DialogTrigger>
      <DialogContent
        title="Create a user"
        description="Without a password the user can sign in only through single sign-on."
      >
        <form onSubmit={submit} className="grid gap-3">
          <Input
            label="Name"
            required
            value={values.name}
            onChange={(event) => setValues({ ...values, name: event.target.value })}
          />
          <Input
            label="Email"
            type="email"
            required
            value={values.email}
            onChange={(event) => setValues({ ...values, email: event.target.value })}
          />
          <label className="grid gap-1.5 text-sm font-medium">
            Role
            <select
              className="h-9 rounded-md border border-zinc-300 bg-white px-2 dark:border-zinc-700 dark:bg-zinc-900"
              value={values.role}
              onChange={(event) => setValues({ ...values, role: event.target.value })}
            >
              {roles.map(([role, name]) => (
                <option key={role} value={role}>
                  {name}
                </option>
              ))}
            </select>
          </label>
          <Input
            label="Password"
            type="password"
            autoComplete="new-password"
            description="At least 12 characters; leave empty for single sign-on only."
            value={values.password}
            onChange={(event) => setValues({ ...values, password: event.target.value })}
          />
          <MembershipBoxes accounts={accounts} selected={accountIds} onChange={setAccountIds} />
          {error ? (
            <p role="alert" className="text-sm text-red-700 dark:text-red-400">
              {error}
            </p>
          ) : null}
          <Button type="submit" disabled={pending}>
            Create user
          </Button>
        </form>
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
  const { pending, run } = useMutation();
  const [accountIds, setAccountIds] = useState(user.accountIds);
  const patch = (body: object, label: string) =>
    run(label, () =>
      apiRequest(`/api/users/${encodeURIComponent(user.id)}`, { method: 'PATCH', body: JSON.stringify(body) }),
    );

  return (
    <div className="flex flex-wrap items-start gap-2">
      <label className="sr-only" htmlFor={`role-${user.id}`}>
        Role of {user.email}
      </label>
      <select
        id={`role-${user.id}`}
        disabled={pending || isSelf}
        title={isSelf ? 'You cannot change your own role' : undefined}
        className="h-8 rounded-md border border-zinc-300 bg-white px-2 text-sm dark:border-zinc-700 dark:bg-zinc-900"
        value={user.role}
        onChange={(event) => void patch({ role: event.target.value }, 'Role changed')}
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
            Memberships
          </Button>
        </DialogTrigger>
        <DialogContent
          title={`Memberships of ${user.email}`}
          description="The sendSMS accounts this user works on. You can grant only accounts you are a member of."
        >
          <MembershipBoxes accounts={accounts} selected={accountIds} onChange={setAccountIds} />
          <Button disabled={pending} onClick={() => void patch({ accountIds }, 'Memberships saved')}>
            Save memberships
          </Button>
        </DialogContent>
      </Dialog>
      {user.twoFactorEnabled ? (
        <Button
          size="sm"
          variant="secondary"
          disabled={pending}
          onClick={() =>
            void run('Two-factor authentication reset', () =>
              apiRequest(`/api/users/${encodeURIComponent(user.id)}/two-factor`, { method: 'DELETE' }),
            )
          }
        >
          Reset 2FA
        </Button>
      ) : null}
      {isSelf ? null : user.disabled ? (
        <Button
          size="sm"
          variant="secondary"
          disabled={pending}
          onClick={() => void patch({ disabled: false }, 'User enabled')}
        >
          Enable
        </Button>
      ) : (
        <Button
          size="sm"
          variant="danger"
          disabled={pending}
          onClick={() => void patch({ disabled: true }, 'User disabled')}
        >
          Disable {user.email}
        </Button>
      )}
    </div>
  );
}

export function AdminTwoFactorPolicy({ required }: { required: boolean }) {
  const { pending, run } = useMutation();
  return (
    <label className="flex items-center gap-2 text-sm">
      <input
        type="checkbox"
        checked={required}
        disabled={pending}
        onChange={(event) =>
          void run('Setting saved', () =>
            apiRequest('/api/users/two-factor-policy', {
              method: 'PUT',
              body: JSON.stringify({ requireAdminTwoFactor: event.target.checked }),
            }),
          )
        }
      />
      Require two-factor authentication for admins
    </label>
  );
}
