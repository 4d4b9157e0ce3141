import 'server-only';
import type { Prisma, PrismaClient } from '@/lib/generated/prisma/client';

/**
 * Every read the request builder's pickers and history make (accounts with their keys, the `request.run` rows of
 * the audit log), and nothing else: which accounts a user may see is decided by the callers, from the permission
 * table. Running a request goes through the keys services (lib/request-builder/run-request.ts).
 */

export type Db = PrismaClient | Prisma.TransactionClient;

const BUILDER_ACCOUNT_SELECT = {
  id: true,
  label: true,
  username: true,
  apiBaseUrl: true,
  capabilities: true,
  apiKeys: {
    where: { deletedAt: null },
    orderBy: { name: 'asc' },
    select: { id: true, name: true, kind: true, fragment: true, lockedAt: true, secretCiphertext: true },
  },
} as const satisfies Prisma.AccountSelect;

export type BuilderAccountRow = Prisma.AccountGetPayload<{ select: typeof BUILDER_ACCOUNT_SELECT }>;

/** The accounts whose ids pass the filter (undefined: every account), by label, each with its live keys by name. */
export function selectBuilderAccounts(db: Db, ids: { in: string[] } | undefined): Promise<BuilderAccountRow[]> {
  return db.account.findMany({ where: { id: ids }, orderBy: { label: 'asc' }, select: BUILDER_ACCOUNT_SELECT });
}

/** The newest `limit` requests run in the builder on the accounts whose ids pass the filter. */
export function selectRequestRuns(db: Db, accountIds: { in: string[] } | undefined, limit: number) {
  return db.auditEvent.findMany({
    where: { action: 'request.run', accountId: accountIds },
    orderBy: { occurredAt: 'desc' },
    take: limit,
  });
}

/** Labels of these accounts and names of these keys (deleted ones too: history outlives them). */
export async function selectNames(
  db: Db,
  ids: { accountIds: string[]; keyIds: string[] },
): Promise<{ accountLabels: Map<string, string>; keyNames: Map<string, string> }> {
  const [accounts, keys] = await Promise.all([
    db.account.findMany({ where: { id: { in: ids.accountIds } }, select: { id: true, label: true } }),
    db.apiKey.findMany({ where: { id: { in: ids.keyIds } }, select: { id: true, name: true } }),
  ]);
  return {
    accountLabels: new Map(accounts.map((account) => [account.id, account.label])),
    keyNames: new Map(keys.map((key) => [key.id, key.name])),
  };
}
