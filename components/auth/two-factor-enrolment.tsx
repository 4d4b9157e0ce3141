'use client';

import { useState } from 'react';
import Link from 'next/link';
import { useMutation } from '@tanstack/react-query';

import { api, type ApiError } from '@/components/api/api-client';
import { FormError, fieldError } from '@/components/api/form-error';
import { Button } from '@/components/ui/button';
import { Form } from '@/components/ui/form';
import { Input } from '@/components/ui/input';

interface EnrolmentStart {
  qrCodeDataUrl: string;
  manualEntryKey: string;
}

/** Scan, confirm with a code, then keep the recovery codes: shown here once and never again. */
export function TwoFactorEnrolment() {
  const [code, setCode] = useState('');
  const begin = useMutation<EnrolmentStart, ApiError>({
    mutationFn: () => api.post<EnrolmentStart>('/api/auth/two-factor'),
  });
  const confirm = useMutation<{ recoveryCodes: string[] }, ApiError>({
    mutationFn: () => api.put<{ recoveryCodes: string[] }>('/api/auth/two-factor', { code }),
  });
  const start = begin.data;
  const recoveryCodes = confirm.data?.recoveryCodes;

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
        <FormError error={begin.error} />
        <Button onClick={() => begin.mutate()} disabled={begin.isPending}>
          Set up two-factor authentication
        </Button>
      </div>
    );
  }

  return (
    <Form onSubmit={() => confirm.mutate()} className="grid gap-4">
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
        error={fieldError(confirm.error, 'code')}
      />
      <FormError error={confirm.error} fields={['code']} />
      <Button type="submit" disabled={confirm.isPending}>
        Turn on two-factor authentication
      </Button>
    </Form>
  );
}
