import 'server-only';
import { recordAccountView } from '@/lib/auth/account-view';
import type { AccountCall } from '@/lib/auth/account-call';
import { metaOf } from '@/lib/auth/request-meta';
import { IP_REASON_LABELS, KIND_LABELS, USAGE_LABEL_NAMES } from '@/lib/keys/labels';
import { csvLine } from '@/lib/csv/csv-cell';
import { assertAllowed, loadAccount } from '@/lib/keys/access';
import type { KeyServiceDeps } from '@/lib/keys/deps';
import { Prisma } from '@/lib/generated/prisma/client';
import { selectKeyIps, type KeyIpRecord, type KeyRecord } from '@/lib/keys/repository';

/**
 * An account's keys as CSV, a credential report in the manner of AWS's: one row a key with what a person auditing
 * it needs (name, kind, usage label, fragment, created, Locked On IPs and how each was added, lock state, last used,
 * use count, refused calls), never a secret. Read and written a batch at a time in the order the keys were created
 * (keyset paging), so 10,000 keys are never held at once. Support staff's export is a view of the account, audited.
 */

const BATCH = 1000;

type ExportedKey = Pick<
  KeyRecord,
  | 'id'
  | 'name'
  | 'kind'
  | 'usageLabel'
  | 'fragment'
  | 'createdAt'
  | 'lockedAt'
  | 'lastUsedAt'
  | 'useCount'
  | 'refusedCount'
  | 'lastRefusedIp'
  | 'lastRefusedAt'
  | 'origin'
>;

function lockState(key: ExportedKey): string {
  if (key.kind === 'CLOUD') return 'No restriction (Cloud)';
  return key.lockedAt ? `Locked since ${key.lockedAt.toISOString()}` : 'Awaiting first use';
}

function lockedIps(ips: readonly KeyIpRecord[]): string {
  return ips.map((ip) => `${ip.address} (${IP_REASON_LABELS[ip.reason]}, ${ip.addedAt.toISOString()})`).join('; ');
}

const COLUMNS: Array<[header: string, value: (key: ExportedKey, ips: readonly KeyIpRecord[]) => unknown]> = [
  ['key_name', (key) => key.name],
  ['kind', (key) => KIND_LABELS[key.kind]],
  ['usage_label', (key) => USAGE_LABEL_NAMES[key.usageLabel]],
  ['fragment', (key) => key.fragment],
  ['created_at', (key) => key.createdAt],
  ['locked_on_ips', (_key, ips) => lockedIps(ips)],
  ['lock_state', (key) => lockState(key)],
  ['last_used_at', (key) => key.lastUsedAt],
  ['use_count', (key) => key.useCount],
  ['refused_calls', (key) => key.refusedCount],
  ['last_refused_ip', (key) => key.lastRefusedIp],
  ['last_refused_at', (key) => key.lastRefusedAt],
  ['key_id', (key) => key.id],
];

export async function exportAccountKeysCsv(
  deps: Pick<KeyServiceDeps, 'prisma' | 'account' | 'now'>,
  call: AccountCall & { path: string },
): Promise<{ filename: string; lines: AsyncIterable<string> }> {
  assertAllowed(call.actor, 'keys.read', call.accountId);
  const account = await loadAccount(deps, call.accountId);
  await recordAccountView(deps.prisma, call.actor, call.accountId, { ...metaOf(call.origin), path: call.path });
  const day = deps.now().toISOString().slice(0, 10);
  return { filename: `keys-${account.username}-${day}.csv`, lines: keyLines(deps, call.accountId) };
}

async function* keyLines(deps: Pick<KeyServiceDeps, 'prisma'>, accountId: string): AsyncGenerator<string> {
  yield csvLine(COLUMNS.map(([header]) => header));
  let after: { createdAt: Date; id: string } | null = null;
  for (;;) {
    const cursor: Prisma.Sql = after
      ? Prisma.sql`AND (k."createdAt", k."id") > (${after.createdAt}, ${after.id})`
      : Prisma.empty;
    const keys: ExportedKey[] = await deps.prisma.$queryRaw<ExportedKey[]>`
      SELECT k."id", k."name", k."kind", k."usageLabel", k."fragment", k."createdAt", k."lockedAt", k."lastUsedAt",
        k."useCount", k."refusedCount", k."lastRefusedIp", k."lastRefusedAt", k."origin"
      FROM "ApiKey" k WHERE k."accountId" = ${accountId} AND k."deletedAt" IS NULL ${cursor}
      ORDER BY k."createdAt", k."id" LIMIT ${BATCH}`;
    if (keys.length === 0) return;
    const ips = await selectKeyIps(
      deps.prisma,
      keys.map((key) => key.id),
    );
    yield keys.map((key) => csvLine(COLUMNS.map(([, value]) => value(key, ips.get(key.id) ?? [])))).join('');
    const last = keys.at(-1)!;
    after = { createdAt: last.createdAt, id: last.id };
    if (keys.length < BATCH) return;
  }
}
