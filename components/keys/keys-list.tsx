'use client';

import { useCallback, useEffect, useState } from 'react';
import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { useSearchParams } from 'next/navigation';

import { Button } from '@/components/ui/button';
import { Input } from '@/components/ui/input';
import { Select } from '@/components/ui/select';
import { Table, TableBody, TableCell, TableHead, TableHeader, TableRow } from '@/components/ui/table';
import { DisabledReason } from '@/components/ui/tooltip';
import { IDLE_DAYS, keyListQueryFromUrl, keyListSearchParams, type KeySort } from '@/lib/keys/list-query-url';
import type { KeyListQuery } from '@/lib/keys/list-query';
import type { KeyListView } from '@/lib/keys/types';
import { KEY_COLUMNS } from './columns';
import { FreshnessBar } from './freshness-bar';
import { GenerateKeyButton } from './generate-key-button';
import { keysApi } from './keys-api';
import { PendingChanges } from './pending-changes';
import { keysQueryKeys } from './query-keys';
import { useRefreshKeys } from './use-refresh';

/**
 * The keys list: search, filters, sort and page live in the URL (pushState, so Back works and a link reproduces
 * the view); the server does the work; the first page comes with the HTML as initialData.
 */

export interface KeysListProps {
  initial: KeyListView;
  initialQuery: KeyListQuery;
  /** Why the user may not generate keys; null when they may. */
  manageDenied: string | null;
}

export function KeysList({ initial, initialQuery, manageDenied }: KeysListProps) {
  const accountId = initial.accountId;
  const searchParams = useSearchParams();
  const query = searchParams ? keyListQueryFromUrl(new URLSearchParams(searchParams.toString())) : initialQuery;
  const sameAsInitial = keyListSearchParams(query).toString() === keyListSearchParams(initialQuery).toString();

  const list = useQuery({
    queryKey: keysQueryKeys.list(accountId, query),
    queryFn: () => keysApi.list(accountId, query),
    initialData: sameAsInitial ? initial : undefined,
    placeholderData: keepPreviousData,
    // While a background refresh runs, or a change's outcome is being checked, look again so the page shows the result.
    refetchInterval: (current) =>
      current.state.data?.freshness.refreshing ? 2_000 : current.state.data?.pendingChanges.length ? 10_000 : false,
  });
  const refresh = useRefreshKeys(accountId);

  const setQuery = useCallback(
    (change: Partial<KeyListQuery>, mode: 'push' | 'replace' = 'push') => {
      const next = keyListSearchParams({ ...query, page: 1, ...change }).toString();
      const url = `${window.location.pathname}${next ? `?${next}` : ''}`;
      if (mode === 'push') window.history.pushState(null, '', url);
      else window.history.replaceState(null, '', url);
    },
    [query],
  );

  const [search, setSearch] = useState(query.q);
  useEffect(() => {
    if (search.trim() === query.q) return;
    const timer = setTimeout(() => setQuery({ q: search.trim() }, 'replace'), 250);
    return () => clearTimeout(timer);
  }, [search, query.q, setQuery]);

  const view = list.data ?? initial;
  const pages = Math.max(1, Math.ceil(view.total / view.size));

  const sortHeader = (sort: KeySort | null, header: string) => {
    if (!sort) return header;
    const active = query.sort === sort;
    const nextDir = active && query.dir === 'asc' ? 'desc' : 'asc';
    return (
      <button
        type="button"
        className="inline-flex items-center gap-1 uppercase hover:text-zinc-900 dark:hover:text-zinc-100"
        onClick={() => setQuery({ sort, dir: nextDir })}
        aria-label={`Sort by ${header}${active ? (query.dir === 'asc' ? ', now ascending' : ', now descending') : ''}`}
      >
        {header}
        <span aria-hidden="true">{active ? (query.dir === 'asc' ? '▲' : '▼') : '↕'}</span>
      </button>
    );
  };

  return (
    <div className="grid gap-4">
      <div className="flex flex-wrap items-end justify-between gap-3">
        <div>
          <h1 className="text-2xl font-semibold tracking-tight">API Keys</h1>
          <p className="text-sm text-zinc-600 dark:text-zinc-400">{view.accountLabel}</p>
        </div>
        <DisabledReason reason={manageDenied ?? undefined}>
          <GenerateKeyButton accountId={accountId} disabled={manageDenied !== null} />
        </DisabledReason>
      </div>

      <FreshnessBar
        freshness={view.freshness}
        onRefresh={() => refresh.mutate()}
        refreshing={refresh.isPending}
        refreshError={refresh.error?.message ?? null}
      />
      <PendingChanges changes={view.pendingChanges} />

      <div className="flex flex-wrap items-end gap-3" role="search">
        <div className="w-64">
          <Input
            label="Search"
            type="search"
            placeholder="Name, fragment or IP"
            value={search}
            onChange={(event) => setSearch(event.target.value)}
          />
        </div>
        <Select
          label="Kind"
          value={query.kind ?? ''}
          onChange={(event) => setQuery({ kind: (event.target.value || undefined) as KeyListQuery['kind'] })}
          options={[
            { value: '', label: 'All kinds' },
            { value: 'DEFAULT', label: 'Default Key' },
            { value: 'CLOUD', label: 'Cloud' },
          ]}
        />
        <Select
          label="Lock state"
          value={query.lock ?? ''}
          onChange={(event) => setQuery({ lock: (event.target.value || undefined) as KeyListQuery['lock'] })}
          options={[
            { value: '', label: 'Any' },
            { value: 'awaiting', label: 'Awaiting first use' },
            { value: 'locked', label: 'Locked' },
          ]}
        />
        <Select
          label="Activity"
          value={query.idle ?? ''}
          onChange={(event) => setQuery({ idle: (event.target.value || undefined) as KeyListQuery['idle'] })}
          options={[
            { value: '', label: 'Any' },
            { value: 'idle', label: `Idle ${IDLE_DAYS} days` },
            { value: 'active', label: `Used in ${IDLE_DAYS} days` },
          ]}
        />
      </div>

      {list.error ? (
        <div
          role="alert"
          className="flex items-center gap-3 rounded-md border border-red-300 bg-red-50 p-3 text-sm text-red-900 dark:border-red-800 dark:bg-red-950 dark:text-red-200"
        >
          {list.error.message}
          <Button size="sm" variant="secondary" onClick={() => list.refetch()}>
            Retry
          </Button>
        </div>
      ) : null}

      <Table aria-busy={list.isFetching}>
        <TableHeader>
          <TableRow>
            {KEY_COLUMNS.map((column) => (
              <TableHead
                key={column.id}
                className={column.className}
                aria-sort={
                  column.sort && query.sort === column.sort
                    ? query.dir === 'asc'
                      ? 'ascending'
                      : 'descending'
                    : undefined
                }
              >
                {sortHeader(column.sort, column.header)}
              </TableHead>
            ))}
          </TableRow>
        </TableHeader>
        <TableBody>
          {view.rows.length === 0 ? (
            <TableRow>
              <TableCell colSpan={KEY_COLUMNS.length} className="py-8 text-center text-zinc-600 dark:text-zinc-400">
                {view.total === 0 && !query.q && !query.kind && !query.lock && !query.idle
                  ? 'No keys yet. Generate a new API Key to start.'
                  : 'No key matches.'}
              </TableCell>
            </TableRow>
          ) : (
            view.rows.map((key) => (
              <TableRow key={key.id} data-testid={`key-row-${key.name}`}>
                {KEY_COLUMNS.map((column) => (
                  <TableCell key={column.id} className={column.className}>
                    {column.cell(key, accountId)}
                  </TableCell>
                ))}
              </TableRow>
            ))
          )}
        </TableBody>
      </Table>

      <nav aria-label="Pages" className="flex items-center justify-between text-sm text-zinc-600 dark:text-zinc-400">
        <span>
          {view.total.toLocaleString('en-US')} key{view.total === 1 ? '' : 's'} · page {view.page} of {pages}
        </span>
        <span className="flex gap-2">
          <Button
            variant="secondary"
            size="sm"
            disabled={view.page <= 1}
            onClick={() => setQuery({ page: view.page - 1 })}
          >
            Previous
          </Button>
          <Button
            variant="secondary"
            size="sm"
            disabled={view.page >= pages}
            onClick={() => setQuery({ page: view.page + 1 })}
          >
            Next
          </Button>
        </span>
      </nav>
    </div>
  );
}
