import type { KeyIpReason, KeyKind, KeyUsageLabel } from '@/lib/keys/types';

/** The hub's words for kinds, usage labels and how an address came to be on a key's list: pages and CSV exports say the same. */

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
