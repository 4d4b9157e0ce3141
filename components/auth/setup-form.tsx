'use client';

import { useState, type FormEvent } from 'react';
import { useRouter } from 'next/navigation';

import { Button } from '@/components/ui/button';
import { Input } from '@/components/ui/input';
import { apiRequest, ApiError } from './api-request';

/** Creates the first admin, then sends them to sign in with what they just chose. */
export function SetupForm() {
  const router = useRouter();
  const [values, setValues] = useState({ name: '', email: '', password: '' });
  const [error, setError] = useState<string | null>(null);
  const [pending, setPending] = useState(false);

  async function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    setPending(true);
    setError(null);
    try {
      await apiRequest('/api/auth/setup', { method: 'POST', body: JSON.stringify(values) });
      router.push('/login');
    } catch (failure) {
      setError(failure instanceof ApiError ? failure.message : 'The admin could not be created. Try again.');
    } finally {
      setPending(false);
    }
  }

  const field = (name: keyof typeof values) => ({
    name,
    value: values[name],
    onChange: (event: { target: { value: string } }) => setValues({ ...values, [name]: event.target.value }),
  });
  return (
    <form onSubmit={submit} className="grid gap-4">
      <Input label="Name" required autoComplete="name" {...field('name')} />
      <Input label="Email" type="email" required autoComplete="username" {...field('email')} />
      <Input
        label="Password"
        type="password"
        required
        autoComplete="new-password"
        description="At least 12 characters."
        {...field('password')}
      />
      {error ? (
        <p role="alert" className="text-sm text-red-700 dark:text-red-400">
          {error}
        </p>
      ) : null}
      <Button type="submit" disabled={pending}>
        Create the first admin
      </Button>
    </form>
  );
}
