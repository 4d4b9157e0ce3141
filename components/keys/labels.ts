import type { useFormatter, useTranslations } from 'next-intl';

import type { KeyIpReason, KeyKind, KeyUsageLabel } from '@/lib/keys/types';

/**
 * How the keys pages word kinds, usage labels, how an address came to be on a key's list, and counts: the words
 * are the `keys` messages (messages/<language>/keys.json), so each takes the translator of the page it is on.
 */

export type KeysTranslator = ReturnType<typeof useTranslations<'keys'>>;
export type Formatter = ReturnType<typeof useFormatter>;

export const KEY_KINDS: readonly KeyKind[] = ['DEFAULT', 'CLOUD'];

export function kindLabel(t: KeysTranslator, kind: KeyKind): string {
  return t(`kinds.${kind}`);
}

export function usageLabelName(t: KeysTranslator, label: KeyUsageLabel): string {
  return t(`usageLabels.${label}`);
}

export function ipReasonLabel(t: KeysTranslator, reason: KeyIpReason): string {
  return t(`ipReasons.${reason}`);
}

/** The generate dialog's infrastructure choice: fixed IP → Default Key, dynamic IP → Cloud. */
export function infrastructureChoices(
  t: KeysTranslator,
): ReadonlyArray<{ kind: KeyKind; title: string; explanation: string }> {
  return KEY_KINDS.map((kind) => ({
    kind,
    title: t(`infrastructure.${kind}.title`),
    explanation: t(`infrastructure.${kind}.explanation`),
  }));
}

/** A use count in the reader's numbers, or "not reported by the API" when sendSMS gives none. */
export function formatUseCount(t: KeysTranslator, format: Formatter, count: number | null): string {
  return count === null ? t('notReported') : format.number(count);
}
