'use client';

import { useState } from 'react';
import { useFormatter, useTranslations } from 'next-intl';

import { Button } from '@/components/ui/button';
import { RelativeTime } from '@/components/ui/relative-time';
import { DataTable, type TableColumn } from '@/components/ui/table';
import { openRefusedCalls } from '@/lib/keys/refused-calls';
import type { KeyDetailView, RefusedCallView } from '@/lib/keys/types';
import { AuthorizeRefusedIpDialog } from './authorize-refused-ip-dialog';

/**
 * The key's refused calls as sendSMS reports them, per address: where an integration keeps failing, this is why.
 * An admin authorizes an address of a Default key from here in one step; it then leaves this list for Locked On IP.
 */

export interface RefusedCallsProps {
  detail: KeyDetailView;
  /** Null when the viewer may authorize addresses; otherwise why not, said once above the list. */
  authorizeDenied: string | null;
  onAuthorize: (address: string) => void;
}

export function RefusedCalls({ detail, authorizeDenied, onAuthorize }: RefusedCallsProps) {
  const t = useTranslations('keys.refusedCalls');
  const format = useFormatter();
  const { key } = detail;
  const [confirming, setConfirming] = useState<string | null>(null);
  const canAuthorize = key.kind === 'DEFAULT' && authorizeDenied === null;
  const rows = detail.refusedCalls === null ? [] : openRefusedCalls(detail.refusedCalls, key);

  const columns: TableColumn<RefusedCallView>[] = [
    { id: 'address', header: t('columns.address'), className: 'font-mono', cell: (call) => call.address },
    { id: 'first', header: t('columns.first'), cell: (call) => <RelativeTime date={call.firstAt} /> },
    { id: 'last', header: t('columns.last'), cell: (call) => <RelativeTime date={call.lastAt} /> },
    { id: 'count', header: t('columns.count'), align: 'end', cell: (call) => format.number(call.count) },
  ];
  if (canAuthorize)
    columns.push({
      id: 'authorize',
      header: t('columns.authorize'),
      hideHeader: true,
      cell: (call) => (
        <Button variant="secondary" size="sm" onClick={() => setConfirming(call.address)}>
          {t('authorizeThisIp')}
        </Button>
      ),
    });

  return (
    <section aria-labelledby="refused-calls-heading" className="grid gap-3" data-testid="refused-calls-section">
      <h2 id="refused-calls-heading" className="text-lg font-semibold">
        {t('heading')}
      </h2>
      <p className="text-sm text-zinc-600 dark:text-zinc-400">
        {t(detail.refusedCalls === null ? 'notReported' : key.kind === 'CLOUD' ? 'cloud' : 'default')}
        {key.kind === 'DEFAULT' && authorizeDenied !== null ? <> {t('denied', { reason: authorizeDenied })}</> : null}
      </p>
      {detail.refusedCalls === null ? null : (
        <DataTable
          label={t('heading')}
          columns={columns}
          rows={rows}
          rowKey={(call) => call.address}
          rowTestId={(call) => `refused-ip-${call.address}`}
          empty={t('empty')}
        />
      )}
      <AuthorizeRefusedIpDialog
        address={confirming}
        keyRow={key}
        accountLabel={detail.accountLabel}
        onConfirm={onAuthorize}
        onClose={() => setConfirming(null)}
      />
    </section>
  );
}
