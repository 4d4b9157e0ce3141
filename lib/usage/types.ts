import type { CredentialHealth } from '@/lib/accounts/credential-health';
import type { KeyKind, ProblemView } from '@/lib/keys/types';
import type { UsageFilter } from '@/lib/usage/usage-filter';
import type { UsagePeriod, UsageRange } from '@/lib/usage/usage-range';

/** What the usage services hand to pages, routes and the browser: plain JSON, dates as ISO strings, never a secret. */

export interface UsageSeriesView {
  range: UsageRange;
  period: UsagePeriod;
  /** Each period of the range, oldest first, with its uses (0 where none were counted). */
  points: Array<{ startsAt: string; uses: number }>;
  total: number;
}

export interface UsageKeyRowView {
  id: string;
  accountId: string;
  accountLabel: string;
  name: string;
  kind: KeyKind;
  fragment: string;
  createdAt: string;
  lastUsedAt: string | null;
  /** null: not reported by the API. */
  useCount: number | null;
  usesInRange: number;
  refusedCount: number | null;
  lastRefusedIp: string | null;
  lastRefusedAt: string | null;
}

export interface UsageAccountView {
  id: string;
  label: string;
  username: string;
  keyCount: number;
  lastUsedAt: string | null;
  usesInRange: number;
  /** Whether sendSMS reports usage for the account (token_list), as far as is known. */
  usageReported: 'supported' | 'unsupported' | 'unknown';
  credential: CredentialHealth & { kind: 'PASSWORD' | 'API_KEY' };
  /** Null until the account's first collection. */
  collection: {
    failureCount: number;
    /** Why the last collection failed, as data the page words (components/keys/problem-text.ts). */
    lastProblem: ProblemView | null;
    lastSucceededAt: string | null;
    nextRunAt: string | null;
  } | null;
}

/**
 * Something about an account's credential or collection that a person should act on: the facts of it, which the page
 * words in the reader's language (components/usage/usage-attention.tsx).
 */
export type UsageAttentionView = { accountId: string; accountLabel: string } & (
  | { kind: 'password-expired'; ageDays: number }
  | { kind: 'password-expiring'; daysLeft: number }
  | {
      kind: 'collection-failing';
      failureCount: number;
      /** Why the last one failed, as data the page words (components/keys/problem-text.ts). */
      lastProblem: ProblemView | null;
      nextRunAt: string | null;
    }
  | { kind: 'usage-not-reported' }
);

export interface UsageOverviewView {
  filter: UsageFilter;
  series: UsageSeriesView;
  accounts: UsageAccountView[];
  keys: { rows: UsageKeyRowView[]; total: number };
  attention: UsageAttentionView[];
  generatedAt: string;
}
