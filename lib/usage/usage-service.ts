import 'server-only';
import { credentialHealth, PASSWORD_LIFETIME_DAYS } from '@/lib/accounts/credential-health';
import { deniedText } from '@/lib/auth/denied-text';
import { readableAccounts, type AccountScope } from '@/lib/auth/permissions';
import type { SessionUser } from '@/lib/auth/session-user';
import type { DatabaseDeps } from '@/lib/db/deps';
import { accessDenied, noSuchAccount } from '@/lib/errors/refusals';
import { accountCapability } from '@/lib/keys/capabilities';
import { problemOfMessage } from '@/lib/keys/refresh-problem';
import { USAGE_PAGE_ROWS, type UsageFilter } from '@/lib/usage/usage-filter';
import { fillPeriods, rangeWindow, type RangeWindow } from '@/lib/usage/usage-range';
import {
  selectUsageAccounts,
  selectUsageKeys,
  selectUsesPerPeriod,
  type SeriesScope,
  type UsageAccountRecord,
  type UsageKeyRecord,
} from '@/lib/usage/usage-repository';
import type {
  UsageAccountView,
  UsageAttentionView,
  UsageKeyRowView,
  UsageOverviewView,
  UsageSeriesView,
} from '@/lib/usage/types';

/**
 * /usage: across the accounts the user may read (their own for a team lead or an admin, every one for support
 * staff, as the permission table says), uses over time, keys ranked or picked out (idle, never used, refused calls),
 * each account's collection and credential, and what needs attention. Reads Postgres only; never a secret.
 */

export type UsageDeps = DatabaseDeps & { now(): Date };

/** Who may read usage, and of which accounts: a refusal names the reason, as everywhere else. */
export function usageScope(actor: SessionUser, accountId?: string): AccountScope {
  const reason = deniedText(actor, 'usage.read', accountId);
  if (reason) throw accessDenied(reason, accountId);
  return readableAccounts(actor);
}

export async function getUsageOverview(
  deps: UsageDeps,
  actor: SessionUser,
  filter: UsageFilter,
): Promise<UsageOverviewView> {
  const scope = usageScope(actor, filter.accountId);
  const now = deps.now();
  const window = rangeWindow(filter.range, now);
  const [accounts, keys, series] = await Promise.all([
    selectUsageAccounts(deps.prisma, scope, window, filter.accountId),
    selectUsageKeys(deps.prisma, filter, scope, window, now, { limit: USAGE_PAGE_ROWS, offset: 0 }),
    usageSeries(deps, window, { accounts: scope, accountId: filter.accountId }),
  ]);
  if (filter.accountId && accounts.length === 0) throw noSuchAccount();
  const accountViews = accounts.map((account) => toAccountView(account, now));
  return {
    filter,
    series,
    accounts: accountViews,
    keys: { rows: keys.keys.map(toUsageKeyRowView), total: keys.total },
    attention: accountViews.flatMap(attentionOf),
    generatedAt: now.toISOString(),
  };
}

/** Uses per period of the window within the scope: one key's (the key page's chart), one account's, or all of them. */
export async function usageSeries(
  deps: DatabaseDeps,
  window: RangeWindow,
  scope: SeriesScope,
): Promise<UsageSeriesView> {
  const rows = await selectUsesPerPeriod(deps.prisma, window, scope);
  const uses = fillPeriods(window, rows);
  return {
    range: window.range,
    period: window.period,
    points: window.starts.map((start, index) => ({ startsAt: start.toISOString(), uses: uses[index]! })),
    total: uses.reduce((sum, value) => sum + value, 0),
  };
}

export function toUsageKeyRowView(key: UsageKeyRecord): UsageKeyRowView {
  return {
    id: key.id,
    accountId: key.accountId,
    accountLabel: key.accountLabel,
    name: key.name,
    kind: key.kind,
    fragment: key.fragment,
    createdAt: key.createdAt.toISOString(),
    lastUsedAt: key.lastUsedAt?.toISOString() ?? null,
    useCount: key.useCount,
    usesInRange: key.usesInRange,
    refusedCount: key.refusedCount,
    lastRefusedIp: key.lastRefusedIp,
    lastRefusedAt: key.lastRefusedAt?.toISOString() ?? null,
  };
}

function toAccountView(account: UsageAccountRecord, now: Date): UsageAccountView {
  return {
    id: account.id,
    label: account.label,
    username: account.username,
    keyCount: account.keyCount,
    lastUsedAt: account.lastUsedAt?.toISOString() ?? null,
    usesInRange: account.usesInRange,
    usageReported: accountCapability(account.capabilities, 'token_list'),
    credential: {
      kind: account.credentialKind,
      ...credentialHealth(account.credentialKind, account.credentialRotatedAt, now),
    },
    collection:
      account.failureCount === null
        ? null
        : {
            failureCount: account.failureCount,
            // Kept as English by the collection: read back into a condition the page words (lib/keys/refresh-problem.ts).
            lastProblem: account.lastProblem === null ? null : problemOfMessage(account.lastProblem),
            lastSucceededAt: account.lastSucceededAt?.toISOString() ?? null,
            nextRunAt: account.nextRunAt?.toISOString() ?? null,
          },
  };
}

/** Credential health: passwords near or past sendSMS's 30-day renewal, collections failing and why, usage not reported. */
function attentionOf(account: UsageAccountView): UsageAttentionView[] {
  const items: UsageAttentionView[] = [];
  const about = { accountId: account.id, accountLabel: account.label };
  const { credential, collection } = account;
  if (credential.state === 'expired') items.push({ ...about, kind: 'password-expired', ageDays: credential.ageDays });
  if (credential.state === 'expiring')
    items.push({
      ...about,
      kind: 'password-expiring',
      daysLeft: Math.max(0, PASSWORD_LIFETIME_DAYS - credential.ageDays),
    });
  if (collection && collection.failureCount > 0)
    items.push({
      ...about,
      kind: 'collection-failing',
      failureCount: collection.failureCount,
      lastProblem: collection.lastProblem,
      nextRunAt: collection.nextRunAt,
    });
  if (account.usageReported === 'unsupported') items.push({ ...about, kind: 'usage-not-reported' });
  return items;
}
