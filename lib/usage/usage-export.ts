import 'server-only';
import { DEFAULT_LOCALE, type Locale } from '@/i18n/locales';
import type { SessionUser } from '@/lib/auth/session-user';
import { csvLine } from '@/lib/csv/csv-cell';
import type { DatabaseDeps } from '@/lib/db/deps';
import { translatorFor } from '@/lib/i18n/translator';
import type { Messages } from '@/messages';
import type { UsageFilter } from '@/lib/usage/usage-filter';
import { rangeWindow } from '@/lib/usage/usage-range';
import { selectUsageKeyOrder, selectUsageKeysByIds } from '@/lib/usage/usage-repository';
import { usageScope, type UsageDeps } from '@/lib/usage/usage-service';
import type { UsageKeyRecord } from '@/lib/usage/usage-repository';

/**
 * The CSV of a usage view: the keys the page lists, with the same filter and in the same order, but all of them.
 * The order (ids and uses, a few dozen bytes a key) is read before the answer starts, so a refusal is still a status;
 * the rows are then read and written a batch at a time, never the whole file in memory. No secret is in any column.
 * The header, the kind of each key and the file's name are in the language of the person who asked for it (messages
 * usage.export and usage.kinds); figures, dates (ISO 8601, UTC) and ids stay as machines read them.
 */

const BATCH = 500;

type Translate = ReturnType<typeof translatorFor<'usage'>>;
type Column = [
  header: keyof Messages['usage']['export']['columns'],
  value: (key: UsageKeyRecord, t: Translate) => unknown,
];

const COLUMNS: Column[] = [
  ['account', (key) => key.accountLabel],
  ['keyName', (key) => key.name],
  ['kind', (key, t) => t(`kinds.${key.kind}`)],
  ['fragment', (key) => key.fragment],
  ['usesInRange', (key) => key.usesInRange],
  ['lastUsedAt', (key) => key.lastUsedAt],
  ['useCount', (key) => key.useCount],
  ['refusedCalls', (key) => key.refusedCount],
  ['lastRefusedIp', (key) => key.lastRefusedIp],
  ['lastRefusedAt', (key) => key.lastRefusedAt],
  ['createdAt', (key) => key.createdAt],
  ['keyId', (key) => key.id],
  ['accountId', (key) => key.accountId],
];

export interface CsvExport {
  filename: string;
  lines: AsyncIterable<string>;
}

export async function exportUsageCsv(
  deps: UsageDeps,
  actor: SessionUser,
  filter: UsageFilter,
  locale: Locale = DEFAULT_LOCALE,
): Promise<CsvExport> {
  const scope = usageScope(actor, filter.accountId);
  const now = deps.now();
  const window = rangeWindow(filter.range, now);
  const order = await selectUsageKeyOrder(deps.prisma, filter, scope, window, now);
  const t = translatorFor(locale, 'usage');
  return {
    filename: t('export.filename', { range: filter.range, keys: filter.keys, date: now.toISOString().slice(0, 10) }),
    lines: usageLines(deps, order, t),
  };
}

async function* usageLines(
  deps: DatabaseDeps,
  order: Array<{ id: string; usesInRange: number }>,
  t: Translate,
): AsyncGenerator<string> {
  yield csvLine(COLUMNS.map(([name]) => t(`export.columns.${name}`)));
  for (let start = 0; start < order.length; start += BATCH) {
    const batch = order.slice(start, start + BATCH);
    const byId = new Map(
      (
        await selectUsageKeysByIds(
          deps.prisma,
          batch.map((key) => key.id),
        )
      ).map((key) => [key.id, key]),
    );
    let chunk = '';
    for (const { id, usesInRange } of batch) {
      const key = byId.get(id);
      // A key deleted between the two reads is left out rather than written half known.
      if (!key) continue;
      const row = { ...key, usesInRange };
      chunk += csvLine(COLUMNS.map(([, value]) => value(row, t)));
    }
    yield chunk;
  }
}
