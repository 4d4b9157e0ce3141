import 'server-only';
import type { SessionUser } from '@/lib/auth/session-user';
import { csvLine } from '@/lib/csv/csv-cell';
import type { DatabaseDeps } from '@/lib/db/deps';
import { KIND_LABELS } from '@/lib/keys/labels';
import type { UsageFilter } from '@/lib/usage/usage-filter';
import { rangeWindow } from '@/lib/usage/usage-range';
import { selectUsageKeyOrder, selectUsageKeysByIds } from '@/lib/usage/usage-repository';
import { usageScope, type UsageDeps } from '@/lib/usage/usage-service';
import type { UsageKeyRecord } from '@/lib/usage/usage-repository';

/**
 * The CSV of a usage view: the keys the page lists, with the same filter and in the same order, but all of them.
 * The order (ids and uses, a few dozen bytes a key) is read before the answer starts, so a refusal is still a status;
 * the rows are then read and written a batch at a time, never the whole file in memory. No secret is in any column.
 */

const BATCH = 500;

const COLUMNS: Array<[header: string, value: (key: UsageKeyRecord) => unknown]> = [
  ['account', (key) => key.accountLabel],
  ['key_name', (key) => key.name],
  ['kind', (key) => KIND_LABELS[key.kind]],
  ['fragment', (key) => key.fragment],
  ['uses_in_range', (key) => key.usesInRange],
  ['last_used_at', (key) => key.lastUsedAt],
  ['use_count', (key) => key.useCount],
  ['refused_calls', (key) => key.refusedCount],
  ['last_refused_ip', (key) => key.lastRefusedIp],
  ['last_refused_at', (key) => key.lastRefusedAt],
  ['created_at', (key) => key.createdAt],
  ['key_id', (key) => key.id],
  ['account_id', (key) => key.accountId],
];

export interface CsvExport {
  filename: string;
  lines: AsyncIterable<string>;
}

export async function exportUsageCsv(deps: UsageDeps, actor: SessionUser, filter: UsageFilter): Promise<CsvExport> {
  const scope = usageScope(actor, filter.accountId);
  const now = deps.now();
  const window = rangeWindow(filter.range, now);
  const order = await selectUsageKeyOrder(deps.prisma, filter, scope, window, now);
  const header = COLUMNS.map(([name]) => name);
  return {
    filename: `usage-${filter.range}-${filter.keys}-${now.toISOString().slice(0, 10)}.csv`,
    lines: usageLines(deps, order, header),
  };
}

async function* usageLines(
  deps: DatabaseDeps,
  order: Array<{ id: string; usesInRange: number }>,
  header: string[],
): AsyncGenerator<string> {
  yield csvLine(header);
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
      chunk += csvLine(COLUMNS.map(([, value]) => value(row)));
    }
    yield chunk;
  }
}
