import type { KeyRowView, RefusedCallView } from '@/lib/keys/types';

/**
 * The refused addresses a person still has to decide about: those not on Locked On IP. Once an address is
 * authorized it leaves this list at once (the page draws it from the key's IP list, which the authorization updates),
 * while sendSMS's record of the past refusals stays in the database.
 */
export function openRefusedCalls(
  refusedCalls: readonly RefusedCallView[],
  key: Pick<KeyRowView, 'lockedIps'>,
): RefusedCallView[] {
  const listed = new Set(key.lockedIps.map((ip) => ip.address));
  return refusedCalls.filter((refusal) => !listed.has(refusal.address));
}
