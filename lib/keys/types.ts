import type { KeyIpReason, KeyKind, KeyOrigin, KeyUsageLabel } from '@/lib/generated/prisma/enums';

/** The keys' enums as pages and components use them, without reaching into Prisma's generated code. */
export type { KeyIpReason, KeyKind, KeyOrigin, KeyUsageLabel };

/**
 * What the keys services hand to pages and route handlers: plain JSON (dates as ISO strings), never a secret or a
 * ciphertext. Shared by the server, which builds these, and the client, which renders them.
 */

export interface LockedIpView {
  address: string;
  reason: KeyIpReason;
  addedAt: string;
  fetchedAt: string;
  /** Cloud keys: the address is the first seen, shown for information; it restricts nothing. */
  informative: boolean;
}

export interface KeyRowView {
  id: string;
  name: string;
  kind: KeyKind;
  usageLabel: KeyUsageLabel;
  fragment: string;
  origin: KeyOrigin;
  createdAt: string;
  lockedIps: LockedIpView[];
  /** Default keys only: null while awaiting the first use. */
  lockedAt: string | null;
  lastUsedAt: string | null;
  /** null: not reported by the API. */
  useCount: number | null;
  usageFetchedAt: string | null;
  ipsFetchedAt: string | null;
  refusedCount: number | null;
  lastRefusedIp: string | null;
  lastRefusedAt: string | null;
  upstreamName: string | null;
  /** Whether the dashboard holds the secret (needed to ask sendSMS about this key). */
  secretHeld: boolean;
  /** Made at sendSMS with its secret shown to nobody (the answer was lost): to be treated as compromised. */
  secretUnseenAt: string | null;
  badges: StatusBadgeView[];
}

/** A change sent to sendSMS whose outcome is not known yet: shown as "outcome unknown, checking", never as failed. */
export interface PendingChangeView {
  id: string;
  action: 'generate' | 'authorize-ip' | 'delete';
  keyId: string | null;
  /** generate, delete: the key's name as asked, when recorded ('Generate “Shop plugin”'); else null. */
  keyName: string | null;
  /** authorize-ip: the address asked for, when recorded ('Authorize 192.0.2.10'); else null. */
  ip: string | null;
  /** Who asked; null for viewers who may not read the audit log. */
  requestedBy: string | null;
  requestedAt: string;
  /** Why the last read-back could not decide, when one was tried. */
  lastCheckProblem: ProblemView | null;
}

/**
 * A status badge (lib/keys/status-badges.ts) as data: what it is (`id`), its tone, and the values its words name.
 * The page words it in the reader's language (keys.badges.*).
 */
export type StatusBadgeView = { tone: 'neutral' | 'success' | 'warning' | 'danger' | 'info' } & (
  | { id: 'secret-shown-to-nobody' | 'awaiting-first-use' | 'secret-not-held' }
  /** Calls sendSMS refused with the key: how many, and the last one's address and time when reported. */
  | { id: 'refused'; count: number; lastRefusedIp: string | null; lastRefusedAt: string | null }
  /** Not used in the last `days` days. */
  | { id: 'idle'; days: number }
);

/**
 * A failure of sendSMS's that a refresh or a collection met, as data the page words in the reader's language: what
 * a sendSMS status means (the `status` messages), or one of the dashboard's own sentences about sendSMS
 * (keys.problems.*, the same words as the `errors` messages' upstream.*). `nothingChanged`: the sentence ends "The
 * dashboard changed nothing." (said of a failure worth trying again).
 */
export type UpstreamCondition = UpstreamMeaning & { nothingChanged: boolean };

/** What the failure means, before "The dashboard changed nothing." */
export type UpstreamMeaning =
  | { code: 'status'; status: number }
  | { code: 'timeout'; seconds: number }
  | { code: 'budget'; perMinute: number; seconds: number }
  | { code: 'network' | 'httpStatus' | 'notJson' | 'badEnvelope' | 'unknownShape' | 'defaultKeyFirstUse' };

/** What went wrong, for the page to word: a condition it knows, else the text as it came. */
export interface ProblemView {
  /** Null when the text is none of the known conditions (an older dashboard's words, an unexpected failure). */
  condition: UpstreamCondition | null;
  /**
   * The sentence in English, as the audit log and the collection keep it: shown as it is when `condition` is null.
   * Null when nothing was recorded about why (the page then says only that it failed).
   */
  message: string | null;
}

/**
 * How far a refresh has gone, as its asker is told while it runs: the usage (one token_list call), then the IP lists
 * due (one token_list_ips call each, paced by the budget), `done` of `total`.
 */
export interface RefreshProgress {
  step: 'usage' | 'ips';
  done: number;
  total: number;
}

export interface RefreshProblem extends ProblemView {
  part: 'usage' | 'ips';
  at: string;
  upstreamStatus: number | null;
  /** The budget of calls was spent (by people or the collection): not sendSMS failing, so no back-off follows. */
  budget?: true;
}

/** The scheduled usage collection of the account (lib/collection), as the page tells it. */
export interface CollectionView {
  /** When the next collection is due (it runs at the first minute after). */
  nextRunAt: string;
  /** Collections that failed in a row: 0 while they succeed; more means the collection is backing off. */
  failureCount: number;
  /** Why the last one failed. */
  lastProblem: ProblemView | null;
  lastSucceededAt: string | null;
  running: boolean;
}

/** When each part of the list was last fetched from sendSMS, and whether what is shown is stale. */
export interface FreshnessView {
  /** Newest token_list answer for this account; null when never fetched. */
  usageFetchedAt: string | null;
  /** False when the account has no token_list: usage is "not reported by the API". */
  usageReported: boolean;
  /** Oldest and newest IP-list fetch across the keys. */
  ipsOldestFetchedAt: string | null;
  ipsNewestFetchedAt: string | null;
  /** The last refresh failed after the data shown was fetched: the page shows the last known state and says so. */
  lastProblem: RefreshProblem | null;
  stale: boolean;
  /** How old usage may be before it counts as stale (STALE_AFTER_MS), for the sentence that says so. */
  staleAfterMinutes: number;
  refreshing: boolean;
  /** Null until the account's first collection. */
  collection: CollectionView | null;
}

export interface KeyListView {
  accountId: string;
  accountLabel: string;
  rows: KeyRowView[];
  /** Each row's uses per UTC day over the last 7 days, today last (the row's small chart), by key id. */
  recentUses: Record<string, number[]>;
  total: number;
  page: number;
  size: number;
  freshness: FreshnessView;
  pendingChanges: PendingChangeView[];
}

export interface AuditEntryView {
  id: string;
  occurredAt: string;
  actorEmail: string | null;
  actorRole: string | null;
  action: string;
  outcome: string;
  upstreamStatus: number | null;
  params: Record<string, unknown>;
}

/** Calls sendSMS refused from one address: when first and last, how many. */
export interface RefusedCallView {
  address: string;
  firstAt: string;
  lastAt: string;
  count: number;
}

export interface KeyDetailView {
  accountId: string;
  accountLabel: string;
  key: KeyRowView;
  /** null when the viewer may not read the audit log; the reason is then in `auditDeniedReason`. */
  auditTrail: AuditEntryView[] | null;
  auditDeniedReason: string | null;
  /** "used 4 minutes ago, 1,204 uses": set when deleting would cut off an integration that is using the key. */
  inUse: { lastUsedAt: string; useCount: number | null } | null;
  /** Whether sendSMS can delete keys for this account (token_delete), as far as is known. */
  deleteUpstream: 'supported' | 'unsupported' | 'unknown';
  freshness: FreshnessView;
  /** This key's changes (authorize an IP, delete) whose outcome is still being checked. */
  pendingChanges: PendingChangeView[];
  /** Refused calls per address, the latest first; null when sendSMS does not report refused calls for the key. */
  refusedCalls: RefusedCallView[] | null;
}
