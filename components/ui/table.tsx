import type { ReactNode } from 'react';
import Link from 'next/link';
import { useTranslations } from 'next-intl';

import { cn } from './cn';

/**
 * Every table of the dashboard: columns as data, rows, the message shown when there are none, and for a list the
 * server sorts, headers that sort. No 'use client' (next-intl's useTranslations works on both sides): a server component renders it as HTML (its sort
 * headers are then links that change the URL), a client component with buttons (onSort). Owned rather than
 * TanStack Table, whose core alone adds about 13 KB gzipped to the keys page for features (client sorting,
 * filtering, paging) that the server already does here.
 */

export type SortDirection = 'asc' | 'desc';

export interface TableColumn<Row, Sort extends string = string> {
  id: string;
  header: string;
  /** An actions column: the header is read by screen readers, not shown. */
  hideHeader?: boolean;
  cell: (row: Row) => ReactNode;
  /** The sort this column offers, when the list can be sorted by it. */
  sort?: Sort;
  /** A CSS width for the column, such as '12rem'. */
  width?: string;
  align?: 'start' | 'end';
  /** Classes for the column's cells: monospace, wrapping and the like. */
  className?: string;
}

export interface TableSort<Sort extends string> {
  by: Sort;
  dir: SortDirection;
  /** In a client component: sort in place. */
  onSort?: (by: Sort, dir: SortDirection) => void;
  /** In a server component: the address of the list sorted that way. */
  href?: (by: Sort, dir: SortDirection) => string;
}

export interface DataTableProps<Row, Sort extends string = string> {
  /** Names the table and its scrollable region for screen readers. */
  label: string;
  columns: readonly TableColumn<Row, Sort>[];
  rows: readonly Row[];
  /** Each row's React key; the row's `id` when not given. */
  rowKey?: (row: Row) => string;
  /** What the table says when it has no row. */
  empty: ReactNode;
  sort?: TableSort<Sort>;
  rowTestId?: (row: Row) => string;
  /** True while newer rows are being fetched. */
  busy?: boolean;
}

type SortableHeader<Sort extends string> = Pick<TableColumn<unknown, Sort>, 'header' | 'sort'>;

const ARIA_SORT = { asc: 'ascending', desc: 'descending' } as const;

export function DataTable<Row, Sort extends string = string>({
  label,
  columns,
  rows,
  rowKey,
  empty,
  sort,
  rowTestId,
  busy,
}: DataTableProps<Row, Sort>) {
  const t = useTranslations('common.sort');
  return (
    // Scrolls sideways on narrow screens instead of squeezing columns such as Locked On IP; focusable so that a
    // keyboard can scroll it too.
    <div
      role="region"
      aria-label={label}
      tabIndex={0}
      className="w-full overflow-x-auto rounded-lg border border-zinc-200 focus-visible:outline-2 focus-visible:outline-offset-2 focus-visible:outline-blue-600 dark:border-zinc-800 dark:focus-visible:outline-blue-400"
    >
      <table aria-label={label} aria-busy={busy || undefined} className="w-full border-collapse text-left text-sm">
        <thead className="bg-zinc-50 dark:bg-zinc-900">
          <tr className="border-b border-zinc-200 dark:border-zinc-800">
            {columns.map((column) => (
              <th
                key={column.id}
                // scope="col" so that screen readers announce the column name with each cell.
                scope="col"
                style={column.width ? { width: column.width } : undefined}
                aria-sort={ariaSort(column, sort)}
                className={cn(
                  'h-10 px-3 text-xs font-semibold tracking-wide text-zinc-600 uppercase dark:text-zinc-400',
                  column.align === 'end' && 'text-right',
                )}
              >
                {column.hideHeader ? (
                  <span className="sr-only">{column.header}</span>
                ) : (
                  sortControl(column, sort, label, t)
                )}
              </th>
            ))}
          </tr>
        </thead>
        <tbody className="divide-y divide-zinc-200 dark:divide-zinc-800">
          {rows.length === 0 ? (
            <tr>
              <td colSpan={columns.length} className="px-3 py-8 text-center text-zinc-600 dark:text-zinc-400">
                {empty}
              </td>
            </tr>
          ) : (
            rows.map((row) => (
              <tr
                key={rowKey?.(row) ?? (row as { id: string }).id}
                data-testid={rowTestId?.(row)}
                className="transition-colors hover:bg-zinc-50 dark:hover:bg-zinc-900/60"
              >
                {columns.map((column) => (
                  <td
                    key={column.id}
                    className={cn(
                      'px-3 py-2.5 align-middle text-zinc-900 dark:text-zinc-100',
                      column.align === 'end' && 'text-right',
                      column.className,
                    )}
                  >
                    {column.cell(row)}
                  </td>
                ))}
              </tr>
            ))
          )}
        </tbody>
      </table>
    </div>
  );
}

function ariaSort<Sort extends string>(column: SortableHeader<Sort>, sort: TableSort<Sort> | undefined) {
  if (!sort || !column.sort) return undefined;
  return column.sort === sort.by ? ARIA_SORT[sort.dir] : 'none';
}

const SORT_CONTROL =
  'inline-flex items-center gap-1 uppercase hover:text-zinc-900 focus-visible:outline-2 focus-visible:outline-blue-600 dark:hover:text-zinc-100';

/**
 * A sortable header: the first click sorts ascending, a click on the sorted column turns the order round. The <th>'s
 * aria-sort says how the list is sorted; the control's description says what pressing it does (a description, not
 * its name, so that screen readers still name the column by its header alone in every cell).
 */
function sortControl<Sort extends string>(
  column: SortableHeader<Sort>,
  sort: TableSort<Sort> | undefined,
  tableLabel: string,
  t: ReturnType<typeof useTranslations<'common.sort'>>,
) {
  if (!sort || !column.sort) return column.header;
  const by = column.sort;
  const active = sort.by === by;
  const next: SortDirection = active && sort.dir === 'asc' ? 'desc' : 'asc';
  const hintId = `sort-${tableLabel}-${by}`.replace(/[^\w-]+/g, '-');
  const content = (
    <>
      {column.header}
      <span aria-hidden="true">{active ? (sort.dir === 'asc' ? '▲' : '▼') : '↕'}</span>
      <span id={hintId} hidden>
        {t('hint', { column: column.header.toLowerCase(), direction: ARIA_SORT[next] })}
      </span>
    </>
  );
  if (sort.href)
    return (
      <Link href={sort.href(by, next)} className={SORT_CONTROL} aria-describedby={hintId}>
        {content}
      </Link>
    );
  return (
    <button type="button" className={SORT_CONTROL} aria-describedby={hintId} onClick={() => sort.onSort?.(by, next)}>
      {content}
    </button>
  );
}
