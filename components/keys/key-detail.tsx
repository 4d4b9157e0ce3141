'use client';

import { useId, useState, type ReactNode } from 'react';
import Link from 'next/link';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useFormatter, useTranslations } from 'next-intl';

import type { ApiError } from '@/components/api/api-client';
import { FormError, fieldError } from '@/components/api/form-error';
import { Badge } from '@/components/ui/badge';
import { Button } from '@/components/ui/button';
import { Dialog, DialogContent, DialogFooter } from '@/components/ui/dialog';
import { DisabledWithReason } from '@/components/ui/disabled-with-reason';
import { Form } from '@/components/ui/form';
import { Input } from '@/components/ui/input';
import { RelativeTime } from '@/components/ui/relative-time';
import { DataTable, type TableColumn } from '@/components/ui/table';
import { toast } from '@/components/ui/toast';
import type { KeyDetailView } from '@/lib/keys/types';
import { KeyBadges, KeyFragment, LastUsed, LockState } from './columns';
import { CompromisedNotice } from './compromised-notice';
import { DeleteKeyDialog } from './delete-key-dialog';
import { FreshnessBar } from './freshness-bar';
import { RefusedCalls } from './refused-calls';
import { keysApi } from './keys-api';
import { RenameKeyDialog } from './rename-key-dialog';
import { keysPollInterval } from './poll-interval';
import {
  formatUseCount,
  ipReasonLabel,
  kindLabel,
  usageLabelName,
  type Formatter,
  type KeysTranslator,
} from './labels';
import { keysQueryKeys } from './query-keys';

/**
 * One key: its facts, the Locked On IP list with when and how each address came, Authorize IP (optimistic, rolled
 * back on refusal, with the Default-key trap confirmed first), usage over time, the audit trail, rename, delete.
 * A control the user may not use stays in place, disabled, with the reason beside it.
 */

export interface KeyDetailProps {
  initial: KeyDetailView;
  /** Null when allowed; otherwise why not, shown on the disabled control. */
  manageDenied: string | null;
  authorizeDenied: string | null;
  /** Why the user may not open the request builder (a team lead); null when they may: the link is then offered. */
  builderDenied: string | null;
  /** The key's uses per period with its range picker (rendered on the server, the chart /usage shows). */
  usageChart: ReactNode;
}

export function KeyDetail({ initial, manageDenied, authorizeDenied, builderDenied, usageChart }: KeyDetailProps) {
  const t = useTranslations('keys');
  const format = useFormatter();
  const { accountId } = initial;
  const keyId = initial.key.id;
  const queryKey = keysQueryKeys.detail(accountId, keyId);
  const queryClient = useQueryClient();
  const detailQuery = useQuery({
    queryKey,
    queryFn: () => keysApi.detail(accountId, keyId),
    initialData: initial,
    refetchInterval: (current) => keysPollInterval(current.state.data),
  });
  const detail = detailQuery.data;
  const { key } = detail;

  // Authorize IP: the address joins the list at once; a refusal takes it off again and says why.
  const [ip, setIp] = useState('');
  // The address field is refused for the same reason as its button, and says so with the button's sentence.
  const authorizeReasonId = useId();
  const [confirmLock, setConfirmLock] = useState<string | null>(null);
  const authorize = useMutation<
    Awaited<ReturnType<typeof keysApi.authorizeIp>>,
    ApiError,
    { ip: string; confirm?: boolean },
    { previous: KeyDetailView | undefined }
  >({
    mutationFn: ({ ip: address, confirm }) => keysApi.authorizeIp(accountId, keyId, address, confirm),
    onMutate: async ({ ip: address }) => {
      await queryClient.cancelQueries({ queryKey });
      const previous = queryClient.getQueryData<KeyDetailView>(queryKey);
      if (previous && !previous.key.lockedIps.some((listed) => listed.address === address)) {
        const now = new Date().toISOString();
        queryClient.setQueryData<KeyDetailView>(queryKey, {
          ...previous,
          key: {
            ...previous.key,
            lockedIps: [
              ...previous.key.lockedIps,
              { address, reason: 'WHITELISTED', addedAt: now, fetchedAt: now, informative: false },
            ],
          },
        });
      }
      return { previous };
    },
    onError: (error, variables, context) => {
      if (context?.previous) queryClient.setQueryData(queryKey, context.previous);
      if (error.code === 'confirmation-required') setConfirmLock(variables.ip);
    },
    onSuccess: (result) => {
      setIp('');
      queryClient.setQueryData<KeyDetailView>(queryKey, (current) =>
        current ? { ...current, key: { ...current.key, lockedIps: result.lockedIps } } : current,
      );
      if (result.alreadyListed)
        toast({
          title: t('detail.alreadyAuthorizedTitle'),
          description: t('detail.alreadyAuthorizedDescription'),
          tone: 'info',
        });
    },
    onSettled: () => queryClient.invalidateQueries({ queryKey: keysQueryKeys.account(accountId) }),
  });

  const submitIp = () => {
    if (ip.trim()) authorize.mutate({ ip: ip.trim() });
  };

  return (
    <div className="grid gap-8">
      <div className="grid gap-2">
        <Link
          href={`/accounts/${accountId}/api-keys`}
          className="text-sm text-blue-700 hover:underline dark:text-blue-400"
        >
          ← {t('detail.backToList', { account: detail.accountLabel })}
        </Link>
        <div className="flex flex-wrap items-center gap-3">
          <h1 className="text-2xl font-semibold tracking-tight" data-testid="key-name">
            {key.name}
          </h1>
          <Badge tone="info">{kindLabel(t, key.kind)}</Badge>
          <Badge>{t('detail.usage', { label: usageLabelName(t, key.usageLabel) })}</Badge>
          <KeyBadges keyRow={key} />
          <DisabledWithReason reason={manageDenied} className="ml-auto justify-end gap-x-2">
            <RenameKeyDialog detail={detail} />
            <DeleteKeyDialog detail={detail} />
          </DisabledWithReason>
        </div>
        <p className="text-sm text-zinc-600 dark:text-zinc-400">
          {key.upstreamName
            ? key.upstreamName === key.name
              ? t('detail.upstreamSameName')
              : t('detail.upstreamOtherName', { name: key.upstreamName })
            : t('detail.upstreamNoName')}
        </p>
      </div>

      <dl className="grid grid-cols-2 gap-4 text-sm sm:grid-cols-3 lg:grid-cols-6">
        <Fact label={t('detail.facts.key')}>
          <KeyFragment fragment={key.fragment} copyLabel={t('detail.copyFragment')} />
        </Fact>
        <Fact label={t('detail.facts.created')}>
          <RelativeTime date={key.createdAt} />
        </Fact>
        <Fact label={t('detail.facts.lockState')}>
          <LockState keyRow={key} />
        </Fact>
        <Fact label={t('detail.facts.lastUsed')}>
          <span data-testid="last-used">
            <LastUsed keyRow={key} />
          </span>
        </Fact>
        <Fact label={t('detail.facts.useCount')}>
          <span data-testid="use-count">{formatUseCount(t, format, key.useCount)}</span>
        </Fact>
        <Fact label={t('detail.facts.refusedCalls')}>
          <span data-testid="refused-calls">
            {key.refusedCount === null
              ? t('detail.refusedNotReported')
              : key.refusedCount === 0
                ? t('detail.refusedNone')
                : t('detail.refusedCount', { count: key.refusedCount, ip: key.lastRefusedIp ?? 'none' })}
            {key.lastRefusedAt ? (
              <>
                {' '}
                (<RelativeTime date={key.lastRefusedAt} />)
              </>
            ) : null}
          </span>
        </Fact>
      </dl>

      <CompromisedNotice detail={detail} manageDenied={manageDenied} />

      <FreshnessBar
        freshness={detail.freshness}
        pendingChanges={detail.pendingChanges}
        accountId={accountId}
        keyId={keyId}
      />

      <section aria-labelledby="locked-on-ip" className="grid gap-3">
        <h2 id="locked-on-ip" className="text-lg font-semibold">
          {t('detail.lockedOnIp')}
        </h2>
        <p className="text-sm text-zinc-600 dark:text-zinc-400">
          {t(key.kind === 'CLOUD' ? 'detail.cloudExplanation' : 'detail.defaultExplanation')}{' '}
          <RelativeTime date={key.ipsFetchedAt} prefix={t('detail.ipsFetched')} fallback={t('detail.ipsNotFetched')} />.
        </p>
        <DataTable
          label={t('detail.lockedOnIp')}
          columns={lockedIpColumns(t, format)}
          rows={key.lockedIps}
          rowKey={(listed) => listed.address}
          rowTestId={(listed) => `locked-ip-${listed.address}`}
          empty={t(key.kind === 'DEFAULT' ? 'detail.lockedIpsEmptyDefault' : 'detail.lockedIpsEmptyCloud')}
        />
        {key.kind === 'DEFAULT' ? (
          <Form onSubmit={submitIp} className="flex flex-wrap items-end gap-2">
            <div className="w-64">
              <Input
                label={t('detail.ipToAuthorize')}
                value={ip}
                onChange={(event) => setIp(event.target.value)}
                placeholder="198.51.100.20"
                disabled={authorizeDenied !== null}
                aria-describedby={authorizeDenied !== null ? authorizeReasonId : undefined}
                error={fieldError(authorize.error, 'ip')}
              />
            </div>
            <DisabledWithReason reason={authorizeDenied} id={authorizeReasonId}>
              <Button type="submit" disabled={authorize.isPending}>
                {t(
                  authorize.isPending
                    ? 'detail.authorizing'
                    : authorize.error?.retryable
                      ? 'detail.tryAgain'
                      : 'detail.authorizeIp',
                )}
              </Button>
            </DisabledWithReason>
            {/* Not offered to whom the builder is closed (team leads): a link that ends on a refusal is no help. */}
            {builderDenied === null ? (
              <Link
                href={`/request-builder?action=token_add_ip&accountId=${encodeURIComponent(accountId)}&keyId=${encodeURIComponent(keyId)}`}
                className="text-sm text-blue-700 hover:underline dark:text-blue-400"
              >
                {t('detail.openInBuilder')}
              </Link>
            ) : null}
            {/* The Default-key trap is asked in its own dialog below, not shown as a failure. */}
            <div className="basis-full">
              <FormError
                error={authorize.error?.code === 'confirmation-required' ? null : authorize.error}
                fields={['ip']}
              />
            </div>
          </Form>
        ) : null}
      </section>

      <RefusedCalls
        detail={detail}
        authorizeDenied={authorizeDenied}
        onAuthorize={(address) => authorize.mutate({ ip: address })}
      />

      <section aria-labelledby="usage" className="grid gap-3">
        <h2 id="usage" className="text-lg font-semibold">
          {t('detail.usesOverTime')}
        </h2>
        {usageChart}
      </section>

      <section aria-labelledby="audit-trail" className="grid gap-3">
        <h2 id="audit-trail" className="text-lg font-semibold">
          {t('detail.auditTrail')}
        </h2>
        {detail.auditTrail === null ? (
          <p className="text-sm text-zinc-600 dark:text-zinc-400">
            {t('detail.auditDenied', { reason: detail.auditDeniedReason ?? '' })}
          </p>
        ) : (
          <DataTable
            label={t('detail.auditTrail')}
            columns={auditTrailColumns(t)}
            rows={detail.auditTrail}
            empty={t('detail.auditEmpty')}
          />
        )}
      </section>

      <Dialog
        open={confirmLock !== null}
        onOpenChange={(open) => {
          if (!open) setConfirmLock(null);
        }}
      >
        <DialogContent title={t('detail.confirmLockTitle')} description={authorize.error?.message ?? ''}>
          <DialogFooter>
            <Button variant="ghost" onClick={() => setConfirmLock(null)}>
              {t('detail.cancel')}
            </Button>
            <Button
              variant="danger"
              onClick={() => {
                if (confirmLock) authorize.mutate({ ip: confirmLock, confirm: true });
                setConfirmLock(null);
              }}
            >
              {t('detail.confirmLock')}
            </Button>
          </DialogFooter>
        </DialogContent>
      </Dialog>
    </div>
  );
}

/** The Locked On IP list: each address, how it came, and exactly when (with the zone: an exact time matters here). */
function lockedIpColumns(
  t: KeysTranslator,
  format: Formatter,
): TableColumn<KeyDetailView['key']['lockedIps'][number]>[] {
  return [
    {
      id: 'address',
      header: t('detail.lockedIpColumns.address'),
      className: 'font-mono',
      cell: (listed) => listed.address,
    },
    { id: 'how', header: t('detail.lockedIpColumns.how'), cell: (listed) => ipReasonLabel(t, listed.reason) },
    {
      id: 'added',
      header: t('detail.lockedIpColumns.added'),
      cell: (listed) => (
        <time dateTime={listed.addedAt}>{format.dateTime(new Date(listed.addedAt), 'exactWithZone')}</time>
      ),
    },
  ];
}

function auditTrailColumns(t: KeysTranslator): TableColumn<NonNullable<KeyDetailView['auditTrail']>[number]>[] {
  return [
    { id: 'when', header: t('detail.auditColumns.when'), cell: (event) => <RelativeTime date={event.occurredAt} /> },
    {
      id: 'who',
      header: t('detail.auditColumns.who'),
      cell: (event) => event.actorEmail ?? t('detail.auditByDashboard'),
    },
    // The action's name ("ip.authorize"), as the audit log records it: an identifier, not a sentence.
    {
      id: 'what',
      header: t('detail.auditColumns.what'),
      className: 'font-mono text-xs',
      cell: (event) => event.action,
    },
    {
      id: 'outcome',
      header: t('detail.auditColumns.outcome'),
      cell: (event) => (
        <>
          <Badge tone={event.outcome === 'success' ? 'success' : 'danger'}>
            {t('detail.auditOutcome', { outcome: event.outcome })}
          </Badge>
          {event.upstreamStatus !== null && event.upstreamStatus < 0 ? (
            <span className="ml-2 text-xs text-zinc-500 dark:text-zinc-400">
              {t('detail.auditUpstreamStatus', { status: event.upstreamStatus })}
            </span>
          ) : null}
        </>
      ),
    },
  ];
}

function Fact({ label, children }: { label: string; children: React.ReactNode }) {
  return (
    <div className="grid gap-1">
      <dt className="text-xs font-semibold tracking-wide text-zinc-500 uppercase dark:text-zinc-400">{label}</dt>
      <dd>{children}</dd>
    </div>
  );
}
