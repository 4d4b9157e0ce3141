import 'server-only';
import { deniedText } from '@/lib/auth/denied-text';
import { readableAccounts, type AccountScope } from '@/lib/auth/permissions';
import type { SessionUser } from '@/lib/auth/session-user';
import type { DatabaseDeps } from '@/lib/db/deps';
import { accessDenied } from '@/lib/errors/refusals';
import { classifyKeySearch } from '@/lib/key-search/classify-query';
import { KEY_SEARCH_ROWS, type KeySearchInput } from '@/lib/key-search/search-query';
import { selectKeySearch, type KeySearchRecord } from '@/lib/key-search/search-repository';
import type { KeyLockState, KeySearchResultView, KeySearchRowView } from '@/lib/key-search/types';

/**
 * "Find a key from what the customer says": support staff (every account), account admins and team leads (the
 * accounts they are members of), as keys.read in the permission table says. The text is classified (an IP address,
 * or the end of a key, a name, a username), searched within the accounts the user may read, and answered with each
 * key's account, kind, lock state, Locked On IPs, use and refusals, and its page. Reads Postgres only; never a
 * secret. Opening a key's page from the results is what records a support user's look at the account (the page's
 * guard writes account.view).
 */

/** Who may search keys, and in which accounts: a refusal names the reason, as everywhere else. */
export function keySearchScope(actor: SessionUser): AccountScope {
  const reason = deniedText(actor, 'keys.read');
  if (reason) throw accessDenied(reason);
  return readableAccounts(actor);
}

export async function searchKeys(
  deps: DatabaseDeps,
  actor: SessionUser,
  input: KeySearchInput,
): Promise<KeySearchResultView> {
  const scope = keySearchScope(actor);
  const query = classifyKeySearch(input.q);
  // One more than is listed: whether there are more to tell about.
  const records = await selectKeySearch(deps.prisma, query, scope, KEY_SEARCH_ROWS + 1);
  return {
    // A whole key pasted is not repeated back: only the end that was searched.
    q: query.kind === 'text' && query.text === null ? (query.fragment ?? '') : input.q,
    searchedAs: query.kind,
    rows: records.slice(0, KEY_SEARCH_ROWS).map(toKeySearchRowView),
    truncated: records.length > KEY_SEARCH_ROWS,
  };
}

function lockStateOf(key: Pick<KeySearchRecord, 'kind' | 'lockedAt'>): KeyLockState {
  if (key.kind === 'CLOUD') return 'cloud';
  return key.lockedAt ? 'locked' : 'awaiting-first-use';
}

const iso = (date: Date | null) => (date ? date.toISOString() : null);

export function toKeySearchRowView(key: KeySearchRecord): KeySearchRowView {
  return {
    id: key.id,
    accountId: key.accountId,
    accountLabel: key.accountLabel,
    accountUsername: key.accountUsername,
    name: key.name,
    upstreamName: key.upstreamName && key.upstreamName !== key.name ? key.upstreamName : null,
    kind: key.kind,
    usageLabel: key.usageLabel,
    fragment: key.fragment,
    lockState: lockStateOf(key),
    lockedAt: key.kind === 'DEFAULT' ? iso(key.lockedAt) : null,
    lockedIps: key.lockedIps,
    lastUsedAt: iso(key.lastUsedAt),
    useCount: key.useCount,
    refusedCount: key.refusedCount,
    lastRefusedIp: key.lastRefusedIp,
    lastRefusedAt: iso(key.lastRefusedAt),
    matchedOn: key.matchedOn,
    href: `/accounts/${key.accountId}/api-keys/${key.id}`,
  };
}
