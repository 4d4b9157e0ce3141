import type { Metadata } from 'next';
import Link from 'next/link';

import { Button } from '@/components/ui/button';
import { Input } from '@/components/ui/input';

export const metadata: Metadata = { title: 'Sign in' };

export default function LoginPage() {
  return (
    <main className="flex min-h-dvh items-center justify-center px-4 py-12">
      <div className="grid w-full max-w-sm gap-6 rounded-xl border border-zinc-200 p-6 shadow-sm dark:border-zinc-800 dark:bg-zinc-900/40">
        <div className="grid gap-1.5">
          <p className="text-sm font-medium text-zinc-600 dark:text-zinc-400">sendSMS API Keys</p>
          <h1 className="text-2xl font-semibold tracking-tight">Sign in</h1>
        </div>
        <p
          id="sign-in-unavailable"
          className="rounded-lg border border-amber-300 bg-amber-50 p-3 text-sm text-amber-900 dark:border-amber-800 dark:bg-amber-950 dark:text-amber-200"
        >
          Sign-in is not available yet: it arrives with accounts and roles.
        </p>
        {/* No action on purpose: the disabled fieldset keeps every field and the button out of use until sign-in exists. */}
        <form aria-describedby="sign-in-unavailable" className="grid gap-4">
          <fieldset disabled className="grid gap-4">
            <Input label="Email" name="email" type="email" autoComplete="username" />
            <Input label="Password" name="password" type="password" autoComplete="current-password" />
            <Button type="submit" className="w-full">
              Sign in
            </Button>
          </fieldset>
        </form>
        <Link
          href="/"
          className="justify-self-start rounded text-sm font-medium text-blue-700 underline-offset-4 hover:underline focus-visible:outline-2 focus-visible:outline-offset-2 focus-visible:outline-blue-600 dark:text-blue-400"
        >
          Back to the dashboard
        </Link>
      </div>
    </main>
  );
}
