import 'server-only';
import { deniedReason, visibleAccountIds } from '@/lib/auth/permissions';
import type { SessionUser } from '@/lib/auth/session-user';
import type { AccountCall } from '@/lib/auth/account-call';
import { assertAllowed, loadAccount } from '@/lib/keys/access';
import { accountCapability } from '@/lib/keys/capabilities';
import type { KeyServiceDeps } from '@/lib/keys/deps';
import { accountFreshness, toFreshnessView } from '@/lib/keys/freshness';
import type { KeyListQuery } from '@/lib/keys/list-query';
import { toPendingChangeViews } from '@/lib/keys/pending-changes';
import { selectPendingChanges } from '@/lib/keys/upstream-change-repository';
import type { KeyListSnapshot } from '@/lib/keys/list-cache';
import {
  selectAccountFreshness,
  selectKeyIps,
  selectKeyPage,
  selectRecentDailyUses,
  type Db,
} from '@/lib/keys/repository';
import type { KeyListView } from '@/lib/keys/types';
import { toKeyRowView } from '@/lib/keys/views';

/**
 * The keys list of one account, from Postgres only (search, filters, sort and page done there), with how old each
 * part is: a page never waits on sendSMS, and never breaks because sendSMS is down. Viewing starts nothing: the
 * usage is collected on a schedule (lib/collection), and a person's Refresh asks at once. Pages are kept in memory
 * between two changes of the account's keys (list-cache.ts).
 */

export async function listAccountKeys(
  deps: KeyServiceDeps,
  { actor, accountId }: AccountCall,
  query: KeyListQuery,
): Promise<KeyListView> {
  assertAllowed(actor, 'keys.read', accountId);
  const now = deps.now();
  // The account (and its keys version) first, the keys after: a page kept under a version is never older than it.
  const account = await loadAccount(deps, accountId);
  const read = (wanted: KeyListQuery) => {
    const load = () => readKeyPage(deps.prisma, accountId, wanted, now);
    return deps.listCache ? deps.listCache.read(accountId, account.keysVersion, wanted, load) : load();
  };
  let shown = query;
  let page = await read(shown);
  // A page past the last (an old link, a key deleted meanwhile, a hand-edited address) shows the last page.
  const lastPage = Math.max(1, Math.ceil(page.total / query.size));
  if (page.keys.length === 0 && query.page > lastPage) {
    shown = { ...query, page: lastPage };
    page = await read(shown);
  }
  const freshness = await accountFreshness(deps.prisma, accountId, {
    usageReported: accountCapability(account.capabilities, 'token_list') !== 'unsupported',
    now,
    fetched: page.fetched,
  });
  return {
    accountId,
    accountLabel: account.label,
    rows: page.keys.map((key) => toKeyRowView(key, page.ips.get(key.id) ?? [], now)),
    recentUses: Object.fromEntries(page.recentUses),
    total: page.total,
    page: shown.page,
    size: shown.size,
    freshness: toFreshnessView(freshness),
    pendingChanges: toPendingChangeViews(page.pending, {
      showRequester: deniedReason(actor, 'audit.read', accountId) === null,
    }),
  };
}

async function readKeyPage(db: Db, accountId: string, query: KeyListQuery, now: Date): Promise<KeyListSnapshot> {
  const [page, fetched, pending] = await Promise.all([
    selectKeyPage(db, accountId, query, now),
    selectAccountFreshness(db, accountId),
    selectPendingChanges(db, accountId),
  ]);
  const keyIds = page.keys.map((key) => key.id);
  const [ips, recentUses] = await Promise.all([selectKeyIps(db, keyIds), selectRecentDailyUses(db, keyIds, now)]);
  return { keys: page.keys, total: page.total, ips, recentUses, fetched, pending };
}

/** The accounts a user may see keys of, for /api-keys: members' accounts, or every account for support staff. */
export async function listVisibleAccounts(deps: KeyServiceDeps, actor: SessionUser) {
  const accounts = await deps.prisma.account.findMany({
    where: { id: visibleAccountIds(actor) },
    orderBy: { label: 'asc' },
    select: { id: true, label: true, username: true, _count: { select: { apiKeys: { where: { deletedAt: null } } } } },
  });
  return accounts.map((account) => ({
    id: account.id,
    label: account.label,
    username: account.username,
    keyCount: account._count.apiKeys,
  }));
}
