import type { KeyKind, KeyUsageLabel } from '@/lib/keys/types';

/** What "Find a key" hands to the page, the route and the browser: plain JSON, dates as ISO strings, never a secret. */

/** What about the key matched the search. */
export type KeySearchMatch = 'fragment' | 'name' | 'account' | 'locked-ip' | 'refused-ip';

/** Default keys: awaiting their first use, or locked to it; Cloud keys lock to nothing. */
export type KeyLockState = 'awaiting-first-use' | 'locked' | 'cloud';

export interface KeySearchRowView {
  id: string;
  accountId: string;
  accountLabel: string;
  accountUsername: string;
  name: string;
  /** The name sendSMS knows the key by, when it differs from the dashboard's. */
  upstreamName: string | null;
  kind: KeyKind;
  usageLabel: KeyUsageLabel;
  fragment: string;
  lockState: KeyLockState;
  lockedAt: string | null;
  /** The Locked On IP list in the order the addresses were added (a Cloud key's first one is informative only). */
  lockedIps: string[];
  lastUsedAt: string | null;
  /** null: not reported by the API. */
  useCount: number | null;
  refusedCount: number | null;
  lastRefusedIp: string | null;
  lastRefusedAt: string | null;
  matchedOn: KeySearchMatch[];
  /** The key's page. */
  href: string;
}

export interface KeySearchResultView {
  q: string;
  /** How the text was read: an IP address, or the end of a key, a name or an account. */
  searchedAs: 'ip' | 'text';
  rows: KeySearchRowView[];
  /** More keys match than the rows listed: the search should be narrowed. */
  truncated: boolean;
}
