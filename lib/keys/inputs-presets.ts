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
