'use client';

import { useState, type FormEvent } from 'react';
import Link from 'next/link';

import { Button } from '@/components/ui/button';
import { Input } from '@/components/ui/input';
import { apiRequest, ApiError } from './api-request';

interface EnrolmentStart {
  qrCodeDataUrl: string;
  manualEntryKey: string;
}

/** Scan, confirm with a code, then keep the recovery codes: shown here once and never again. */
export function TwoFactorEnrolment() {
  const [start, setStart] = useState<EnrolmentStart | null>(null);
  const [code, setCode] = useState('');
  const [recoveryCodes, setRecoveryCodes] = useState<string[] | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [pending, setPending] = useState(false);

  async function begin() {
    setPending(true);
    setError(null);
    try {
      setStart(await apiRequest<EnrolmentStart>('/api/auth/two-factor', { method: 'POST' }));
    } catch (failure) {
      setError(failure instanceof ApiError ? failure.message : 'The set-up could not start. Try again.');
    } finally {
      setPending(false);
    }
  }

  async function confirm(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    setPending(true);
    setError(null);
    try {
      const result = await apiRequest<{ recoveryCodes: string[] }>('/api/auth/two-factor', {
        method: 'PUT',
        body: JSON.stringify({ code }),
      });
      setRecoveryCodes(result.recoveryCodes);
    } catch (failure) {
      setError(failure instanceof ApiError ? failure.message : 'The code could not be checked. Try again.');
    } finally {
      setPending(false);
    }
  }

  if (recoveryCodes) {
    return (
      <div className="grid gap-4">
        <p role="status" className="font-medium text-green-800 dark:text-green-300">
          Two-factor authentication is on.
        </p>
        <p className="text-sm text-zinc-700 dark:text-zinc-300">
          Keep these recovery codes somewhere safe. Each works once, in place of a code from the app. They are not shown
          again.
        </p>
        <ul aria-label="Recovery codes" className="grid grid-cols-2 gap-2 font-mono text-sm">
          {recoveryCodes.map((recoveryCode) => (
            <li key={recoveryCode} className="rounded bg-zinc-100 px-2 py-1 dark:bg-zinc-800">
              {recoveryCode}
            </li>
          ))}
        </ul>
        <Button asChild>
          <Link href="/">Continue to the dashboard</Link>
        </Button>
      </div>
    );
  }

  if (!start) {
    return (
      <div className="grid gap-3">
        {error ? (
          <p role="alert" className="text-sm text-red-700 dark:text-red-400">
            {error}
          </p>
        ) : null}
        <Button onClick={() => void begin()} disabled={pending}>
          Set up two-factor authentication
        </Button>
      </div>
    );
  }

  return (
    <form onSubmit={confirm} className="grid gap-4">
      <p className="text-sm text-zinc-700 dark:text-zinc-300">
        Scan this QR code with an authenticator app, then enter the code it shows.
      </p>
      {/* eslint-disable-next-line @next/next/no-img-element -- a data: URL made on the server; nothing to optimise */}
      <img
        src={start.qrCodeDataUrl}
        alt="QR code for your authenticator app"
        width={220}
        height={220}
        className="rounded bg-white p-2"
      />
      <p className="text-sm text-zinc-700 dark:text-zinc-300">
        Cannot scan? Enter this key:{' '}
        <code data-testid="manual-entry-key" className="font-mono break-all">
          {start.manualEntryKey}
        </code>
      </p>
      <Input
        label="Code from the app"
        name="code"
        inputMode="numeric"
        autoComplete="one-time-code"
        value={code}
        onChange={(event) => setCode(event.target.value)}
        error={error ?? undefined}
      />
      <Button type="submit" disabled={pending}>
        Turn on two-factor authentication
      </Button>
    </form>
  );
}
