import type { KeyIpReason, KeyKind, KeyUsageLabel } from '@/lib/keys/types';

/** The hub's words for kinds, usage labels and how an address came to be on a key's list. */

export const KIND_LABELS: Record<KeyKind, string> = { DEFAULT: 'Default Key', CLOUD: 'Cloud' };

export const USAGE_LABEL_NAMES: Record<KeyUsageLabel, string> = {
  DEFAULT: 'Default',
  CLOUD: 'Cloud',
  SMPP: 'SMPP',
  APP: 'App',
};

export const IP_REASON_LABELS: Record<KeyIpReason, string> = {
  FIRST_USE: 'first use (locked the key)',
  WHITELISTED: 'whitelisted here',
  FIRST_SEEN: 'first seen (informative)',
  LISTED: 'seen on the hub',
};

export const INFRASTRUCTURE_CHOICES: ReadonlyArray<{ kind: KeyKind; title: string; explanation: string }> = [
  {
    kind: 'DEFAULT',
    title: 'Fixed IP: Default Key',
    explanation:
      'Locked On IP: bound to the first IP address that makes a request with it; every other address is refused until you authorize it.',
  },
  {
    kind: 'CLOUD',
    title: 'Dynamic IP: Cloud',
    explanation: 'No restriction: it works from any address; the first one is recorded for information only.',
  },
];

export function formatCount(count: number | null): string {
  return count === null ? 'not reported by the API' : count.toLocaleString('en-US');
}
