import { createLoader, createParser, createSerializer, type Nullable, type SearchParams } from 'nuqs/server';
import type { z } from 'zod';
import { auditFilterSchema, type AuditFilter } from '@/lib/audit-log/audit-filter';

/**
 * The audit log's filters and page in the URL of /audit: nuqs parsers over the fields of auditFilterSchema, the
 * schema the audit endpoints refuse a bad query with, so that the page and the endpoints keep one set of rules. The
 * page reads the URL with them (a value they refuse is dropped, and named, instead of failing the page) and
 * writes its page and export links with them (empty and default values left out); the filter form is a plain GET
 * form with the same names, so that it works before any JavaScript has loaded.
 */

const fields = auditFilterSchema.shape;

/** A parser that takes what the schema's field takes: an empty value or a refused one is no value. */
function parseAsField<T>(field: z.ZodType<T | undefined>) {
  return createParser<NonNullable<T>>({
    parse: (value) => field.safeParse(value).data ?? null,
    serialize: String,
  });
}

export const auditFilterParsers = {
  actor: parseAsField(fields.actor),
  accountId: parseAsField(fields.accountId),
  keyId: parseAsField(fields.keyId),
  action: parseAsField(fields.action),
  outcome: parseAsField(fields.outcome),
  from: parseAsField(fields.from),
  to: parseAsField(fields.to),
  page: parseAsField(fields.page).withDefault(1),
};

const loadAuditFilter = createLoader(auditFilterParsers);
const serializeAuditFilter = createSerializer(auditFilterParsers);

/**
 * What /audit shows: the filters the URL sets, and the names of those whose value was refused and ignored (the page
 * says which, in the reader's words: messages `filterNames`).
 */
export function readAuditFilter(searchParams: SearchParams): { filter: AuditFilter; refused: (keyof AuditFilter)[] } {
  const values = loadAuditFilter(searchParams);
  const filter = auditFilterSchema.parse(
    Object.fromEntries(Object.entries(values).filter(([, value]) => value !== null)),
  );
  const refused: (keyof AuditFilter)[] = [];
  for (const name of Object.keys(auditFilterParsers) as (keyof AuditFilter)[]) {
    const given = [searchParams[name]].flat()[0];
    const checked = given === undefined ? null : fields[name].safeParse(given);
    if (checked && !checked.success) refused.push(name);
  }
  return { filter, refused };
}

/** The address of the audit log (or its CSV export) with these filters, defaults and empty values left out. */
export function auditFilterHref(base: '/audit' | '/api/audit/export', filter: Partial<Nullable<AuditFilter>>): string {
  return serializeAuditFilter(base, filter);
}
