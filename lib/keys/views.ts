import type { KeyIpRecord, KeyRecord } from '@/lib/keys/repository';
import { statusBadges } from '@/lib/keys/status-badges';
import type { KeyRowView, LockedIpView } from '@/lib/keys/types';

/** Registry rows as the page sees them: JSON-ready, badges worked out, secrets and ciphertexts left behind. */

const iso = (date: Date | null) => (date ? date.toISOString() : null);

export function toLockedIpView(ip: KeyIpRecord, kind: KeyRecord['kind']): LockedIpView {
  return {
    address: ip.address,
    reason: ip.reason,
    addedAt: ip.addedAt.toISOString(),
    fetchedAt: ip.fetchedAt.toISOString(),
    informative: kind === 'CLOUD',
  };
}

export function toKeyRowView(key: KeyRecord, ips: readonly KeyIpRecord[], now: Date): KeyRowView {
  const secretHeld = key.secretCiphertext !== null;
  return {
    id: key.id,
    name: key.name,
    kind: key.kind,
    usageLabel: key.usageLabel,
    fragment: key.fragment,
    origin: key.origin,
    createdAt: key.createdAt.toISOString(),
    // A Cloud key restricts nothing: only its first address is shown, and only for information.
    lockedIps: (key.kind === 'CLOUD' ? ips.slice(0, 1) : ips).map((ip) => toLockedIpView(ip, key.kind)),
    lockedAt: key.kind === 'DEFAULT' ? iso(key.lockedAt) : null,
    lastUsedAt: iso(key.lastUsedAt),
    useCount: key.useCount,
    usageFetchedAt: iso(key.usageFetchedAt),
    ipsFetchedAt: iso(key.ipsFetchedAt),
    refusedCount: key.refusedCount,
    lastRefusedIp: key.lastRefusedIp,
    lastRefusedAt: iso(key.lastRefusedAt),
    upstreamName: key.upstreamName,
    secretHeld,
    secretUnseenAt: iso(key.secretUnseenAt),
    badges: statusBadges({ ...key, secretHeld }, now),
  };
}
