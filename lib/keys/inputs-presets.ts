import type { KeyKind, KeyUsageLabel } from '@/lib/generated/prisma/enums';

/** The hub's usage presets for the generate dialog: picking one sets the usage label and the matching infrastructure. No zod, for the browser. */
export const USAGE_PRESETS: ReadonlyArray<{
  usageLabel: KeyUsageLabel;
  label: string;
  kind: KeyKind;
}> = [
  { usageLabel: 'DEFAULT', label: 'Default', kind: 'DEFAULT' },
  { usageLabel: 'CLOUD', label: 'Cloud', kind: 'CLOUD' },
  { usageLabel: 'SMPP', label: 'SMPP', kind: 'DEFAULT' },
  { usageLabel: 'APP', label: 'App', kind: 'CLOUD' },
];

/** The usage label each kind stands for when the user has not picked a preset: Default Key → Default, Cloud → Cloud. */
export const USAGE_LABEL_OF_KIND: Readonly<Record<KeyKind, KeyUsageLabel>> = { DEFAULT: 'DEFAULT', CLOUD: 'CLOUD' };

/**
 * The usage label a new key gets: the preset the user picked, kept whatever infrastructure they choose after it;
 * until they pick one, the one the chosen kind stands for (so choosing Cloud does not leave "usage: Default").
 */
export function usageLabelFor(kind: KeyKind, picked: KeyUsageLabel | null): KeyUsageLabel {
  return picked ?? USAGE_LABEL_OF_KIND[kind];
}
