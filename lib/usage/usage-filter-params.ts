import { createLoader, createParser, createSerializer, type Nullable, type SearchParams } from 'nuqs/server';
import type { z } from 'zod';
import { usageFilterSchema, type UsageFilter } from '@/lib/usage/usage-filter';

/**
 * The usage view in the URL of /usage: nuqs parsers over the fields of usageFilterSchema, the schema the usage
 * endpoints refuse a bad query with, so that the page, its links and its export keep one set of rules. The page
 * reads the URL with them (a refused value is dropped and named, and the page says so instead of failing) and writes its
 * range, sort and export links with them (defaults left out).
 */

const fields = usageFilterSchema.shape;

function parseAsField<T>(field: z.ZodType<T | undefined>) {
  return createParser<NonNullable<T>>({
    parse: (value) => field.safeParse(value).data ?? null,
    serialize: String,
  });
}

export const usageFilterParsers = {
  range: parseAsField(fields.range),
  accountId: parseAsField(fields.accountId),
  keys: parseAsField(fields.keys),
  sort: parseAsField(fields.sort),
  dir: parseAsField(fields.dir),
};

const loadUsageFilter = createLoader(usageFilterParsers);
const serializeUsageFilter = createSerializer(usageFilterParsers);
const DEFAULTS = usageFilterSchema.parse({});

/** The view the URL asks for, and which of its fields were refused (the page says why, in the reader's language). */
export function readUsageFilter(searchParams: SearchParams): { filter: UsageFilter; refused: (keyof UsageFilter)[] } {
  const values = loadUsageFilter(searchParams);
  const filter = usageFilterSchema.parse(
    Object.fromEntries(Object.entries(values).filter(([, value]) => value !== null)),
  );
  const refused: (keyof UsageFilter)[] = [];
  for (const name of Object.keys(usageFilterParsers) as (keyof UsageFilter)[]) {
    const given = [searchParams[name]].flat()[0];
    const checked = given === undefined || given === '' ? null : fields[name].safeParse(given);
    if (checked && !checked.success) refused.push(name);
  }
  return { filter, refused };
}

/** The address of /usage (or its CSV export) showing this view, its default values left out. */
export function usageHref(base: '/usage' | '/api/usage/export', filter: Partial<Nullable<UsageFilter>>): string {
  const withoutDefaults = Object.fromEntries(
    Object.entries(filter).map(([name, value]) => [name, value === DEFAULTS[name as keyof UsageFilter] ? null : value]),
  );
  return serializeUsageFilter(base, withoutDefaults);
}
