'use client';

import { useState } from 'react';

import { Button } from '@/components/ui/button';
import { RelativeTime } from '@/components/ui/relative-time';
import { DataTable, type TableColumn } from '@/components/ui/table';
import { openRefusedCalls } from '@/lib/keys/refused-calls';
import type { KeyDetailView, RefusedCallView } from '@/lib/keys/types';
import { AuthorizeRefusedIpDialog } from './authorize-refused-ip-dialog';
import { formatCount } from './labels';

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
  const { key } = detail;
  const [confirming, setConfirming] = useState<string | null>(null);
  const canAuthorize = key.kind === 'DEFAULT' && authorizeDenied === null;
  const rows = detail.refusedCalls === null ? [] : openRefusedCalls(detail.refusedCalls, key);

  const columns: TableColumn<RefusedCallView>[] = [
    { id: 'address', header: 'Address', className: 'font-mono', cell: (call) => call.address },
    { id: 'first', header: 'First refused', cell: (call) => <RelativeTime date={call.firstAt} /> },
    { id: 'last', header: 'Last refused', cell: (call) => <RelativeTime date={call.lastAt} /> },
    { id: 'count', header: 'Calls', align: 'end', cell: (call) => formatCount(call.count) },
  ];
  if (canAuthorize)
    columns.push({
      id: 'authorize',
      header: 'Authorize',
      hideHeader: true,
      cell: (call) => (
        <Button variant="secondary" size="sm" onClick={() => setConfirming(call.address)}>
          Authorize this IP
        </Button>
      ),
    });

  return (
    <section aria-labelledby="refused-calls-heading" className="grid gap-3" data-testid="refused-calls-section">
      <h2 id="refused-calls-heading" className="text-lg font-semibold">
        Refused calls
      </h2>
      <p className="text-sm text-zinc-600 dark:text-zinc-400">
        {detail.refusedCalls === null
          ? 'sendSMS does not report refused calls for this key.'
          : key.kind === 'CLOUD'
            ? 'A Cloud key refuses no address; sendSMS refused these calls for another reason.'
            : 'Calls sendSMS refused because they came from an address not on Locked On IP. sendSMS warns the account when an integration keeps failing: authorize the address if the calls are yours.'}
        {key.kind === 'DEFAULT' && authorizeDenied !== null ? ` ${authorizeDenied}.` : null}
      </p>
      {detail.refusedCalls === null ? null : (
        <DataTable
          label="Refused calls"
          columns={columns}
          rows={rows}
          rowKey={(call) => call.address}
          rowTestId={(call) => `refused-ip-${call.address}`}
          empty="No call refused from an address that is not on Locked On IP."
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
