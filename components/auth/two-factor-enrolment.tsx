'use client';

import { useState } from 'react';
import Link from 'next/link';
import { useMutation } from '@tanstack/react-query';
import { useTranslations } from 'next-intl';

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
  const t = useTranslations('auth');
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
          {t('enrolment.enabled')}
        </p>
        <p className="text-sm text-zinc-700 dark:text-zinc-300">{t('enrolment.keepRecoveryCodes')}</p>
        <ul aria-label={t('enrolment.recoveryCodes')} className="grid grid-cols-2 gap-2 font-mono text-sm">
          {recoveryCodes.map((recoveryCode) => (
            <li key={recoveryCode} className="rounded bg-zinc-100 px-2 py-1 dark:bg-zinc-800">
              {recoveryCode}
            </li>
          ))}
        </ul>
        <Button asChild>
          <Link href="/">{t('enrolment.continue')}</Link>
        </Button>
      </div>
    );
  }

  if (!start) {
    return (
      <div className="grid gap-3">
        <FormError error={begin.error} />
        <Button onClick={() => begin.mutate()} disabled={begin.isPending}>
          {t('enrolment.start')}
        </Button>
      </div>
    );
  }

  return (
    <Form onSubmit={() => confirm.mutate()} className="grid gap-4">
      <p className="text-sm text-zinc-700 dark:text-zinc-300">{t('enrolment.scan')}</p>
      {/* eslint-disable-next-line @next/next/no-img-element -- a data: URL made on the server; nothing to optimise */}
      <img
        src={start.qrCodeDataUrl}
        alt={t('enrolment.qrCodeAlt')}
        width={220}
        height={220}
        className="rounded bg-white p-2"
      />
      <p className="text-sm text-zinc-700 dark:text-zinc-300">
        {t('enrolment.manualEntry')}{' '}
        <code data-testid="manual-entry-key" className="font-mono break-all">
          {start.manualEntryKey}
        </code>
      </p>
      <Input
        label={t('enrolment.code')}
        name="code"
        inputMode="numeric"
        autoComplete="one-time-code"
        value={code}
        onChange={(event) => setCode(event.target.value)}
        error={fieldError(confirm.error, 'code')}
      />
      <FormError error={confirm.error} fields={['code']} />
      <Button type="submit" disabled={confirm.isPending}>
        {t('enrolment.confirm')}
      </Button>
    </Form>
  );
}
