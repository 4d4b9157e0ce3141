'use client';

import { useCallback, useEffect, useMemo, useState } from 'react';
import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { useQueryStates } from 'nuqs';
import { useFormatter, useTranslations } from 'next-intl';

import { Button } from '@/components/ui/button';
import { DisabledWithReason } from '@/components/ui/disabled-with-reason';
import { Input } from '@/components/ui/input';
import { Select } from '@/components/ui/select';
import { DataTable } from '@/components/ui/table';
import { IDLE_DAYS, keyListParsers, keyListSearchParams, type KeyListQuery } from '@/lib/keys/list-query';
import type { KeyListView } from '@/lib/keys/types';
import { keyColumns } from './columns';
import { FreshnessBar } from './freshness-bar';
import { GenerateKeyButton } from './generate-key-button';
import { keysApi } from './keys-api';
import { keysPollInterval } from './poll-interval';
import { KEY_KINDS, kindLabel, type KeysTranslator } from './labels';
import { keysQueryKeys } from './query-keys';

/**
 * The keys list: search, filters, sort and page live in the URL (nuqs, with the parsers the server page reads it
 * with; each change is a history entry, so Back works and a link reproduces the view); the server does the work;
 * the first page comes with the HTML as initialData.
 */

/** The filters as data: each a select of value → label, whose empty value is "no filter". */
function filters(
  t: KeysTranslator,
): ReadonlyArray<{ name: 'kind' | 'lock' | 'idle'; label: string; options: Record<string, string> }> {
  return [
    {
      name: 'kind',
      label: t('list.filters.kind'),
      options: {
        '': t('list.filters.allKinds'),
        ...Object.fromEntries(KEY_KINDS.map((kind) => [kind, kindLabel(t, kind)])),
      },
    },
    {
      name: 'lock',
      label: t('list.filters.lock'),
      options: { '': t('list.filters.any'), awaiting: t('list.filters.awaiting'), locked: t('list.filters.locked') },
    },
    {
      name: 'idle',
      label: t('list.filters.activity'),
      options: {
        '': t('list.filters.any'),
        idle: t('list.filters.idle', { days: IDLE_DAYS }),
        active: t('list.filters.active', { days: IDLE_DAYS }),
      },
    },
  ];
}

export interface KeysListProps {
  initial: KeyListView;
  initialQuery: KeyListQuery;
  /** Why the user may not generate keys; null when they may. */
  manageDenied: string | null;
}

export function KeysList({ initial, initialQuery, manageDenied }: KeysListProps) {
  const t = useTranslations('keys');
  const format = useFormatter();
  const accountId = initial.accountId;
  const [query, setUrlQuery] = useQueryStates(keyListParsers);
  const sameAsInitial = keyListSearchParams(query).toString() === keyListSearchParams(initialQuery).toString();

  const list = useQuery({
    queryKey: keysQueryKeys.list(accountId, query),
    queryFn: () => keysApi.list(accountId, query),
    initialData: sameAsInitial ? initial : undefined,
    placeholderData: keepPreviousData,
    refetchInterval: (current) => keysPollInterval(current.state.data),
  });

  // Any change but paging itself starts again at the first page.
  const setQuery = useCallback(
    (change: Partial<KeyListQuery>, history: 'push' | 'replace' = 'push') =>
      void setUrlQuery({ page: null, ...change }, { history }),
    [setUrlQuery],
  );
  const recentUses = (list.data ?? initial).recentUses;
  const columns = useMemo(() => keyColumns(t, format, accountId, recentUses), [t, format, accountId, recentUses]);

  const [search, setSearch] = useState(query.q);
  useEffect(() => {
    if (search.trim() === query.q) return;
    const timer = setTimeout(() => setQuery({ q: search.trim() }, 'replace'), 250);
    return () => clearTimeout(timer);
  }, [search, query.q, setQuery]);

  const view = list.data ?? initial;
  const pages = Math.max(1, Math.ceil(view.total / view.size));

  return (
    <div className="grid gap-4">
      <div className="flex flex-wrap items-end justify-between gap-3">
        <div>
          <h1 className="text-2xl font-semibold tracking-tight">{t('list.title')}</h1>
          <p className="text-sm text-zinc-600 dark:text-zinc-400">{view.accountLabel}</p>
        </div>
        <DisabledWithReason reason={manageDenied} className="max-w-md justify-end">
          <GenerateKeyButton accountId={accountId} />
        </DisabledWithReason>
      </div>

      <FreshnessBar freshness={view.freshness} pendingChanges={view.pendingChanges} accountId={accountId} />

      <div className="flex flex-wrap items-end gap-3" role="search">
        <div className="w-64">
          <Input
            label={t('list.searchLabel')}
            type="search"
            placeholder={t('list.searchPlaceholder')}
            value={search}
            onChange={(event) => setSearch(event.target.value)}
          />
        </div>
        {filters(t).map((filter) => (
          <Select
            key={filter.name}
            label={filter.label}
            value={query[filter.name] ?? ''}
            onChange={(event) => setQuery({ [filter.name]: keyListParsers[filter.name].parse(event.target.value) })}
            options={Object.entries(filter.options).map(([value, label]) => ({ value, label }))}
          />
        ))}
      </div>

      {list.error ? (
        <div
          role="alert"
          className="flex items-center gap-3 rounded-md border border-red-300 bg-red-50 p-3 text-sm text-red-900 dark:border-red-800 dark:bg-red-950 dark:text-red-200"
        >
          {list.error.message}
          <Button size="sm" variant="secondary" onClick={() => list.refetch()}>
            {t('list.retry')}
          </Button>
        </div>
      ) : null}

      <DataTable
        label={t('list.tableLabel')}
        columns={columns}
        rows={view.rows}
        rowTestId={(key) => `key-row-${key.name}`}
        busy={list.isFetching}
        sort={{ by: query.sort, dir: query.dir, onSort: (sort, dir) => setQuery({ sort, dir }) }}
        empty={t(
          view.total === 0 && !query.q && !query.kind && !query.lock && !query.idle
            ? manageDenied === null
              ? 'list.emptyNoKeys'
              : 'list.emptyNoKeysDenied'
            : 'list.emptyNoMatch',
        )}
      />

      <nav
        aria-label={t('list.pagesLabel')}
        className="flex items-center justify-between text-sm text-zinc-600 dark:text-zinc-400"
      >
        <span>{t('list.summary', { count: view.total, page: view.page, pages })}</span>
        {/* At an end of the list, the button that would go past it says so; on a single page both do, once. */}
        {pages <= 1 ? (
          <DisabledWithReason reason={t('list.allOnThisPage')} className="gap-x-2">
            <Button variant="secondary" size="sm">
              {t('list.previous')}
            </Button>
            <Button variant="secondary" size="sm">
              {t('list.next')}
            </Button>
          </DisabledWithReason>
        ) : (
          <span className="flex flex-wrap gap-2">
            <DisabledWithReason reason={view.page <= 1 ? t('list.firstPage') : null}>
              <Button variant="secondary" size="sm" onClick={() => setQuery({ page: view.page - 1 })}>
                {t('list.previous')}
              </Button>
            </DisabledWithReason>
            <DisabledWithReason reason={view.page >= pages ? t('list.lastPage') : null}>
              <Button variant="secondary" size="sm" onClick={() => setQuery({ page: view.page + 1 })}>
                {t('list.next')}
              </Button>
            </DisabledWithReason>
          </span>
        )}
      </nav>
    </div>
  );
}
