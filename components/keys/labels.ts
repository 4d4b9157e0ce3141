import type { KeyKind } from '@/lib/keys/types';

/** How the keys pages word kinds, usage labels and counts (the words themselves live in lib/keys/labels.ts). */

export { IP_REASON_LABELS, KIND_LABELS, USAGE_LABEL_NAMES } from '@/lib/keys/labels';

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
