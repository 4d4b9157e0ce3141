import { parseAuthorizableIp } from '@/lib/ip/authorizable-ip';
import { classifyAddress, type SpecialRange } from '@/lib/ip/address-range';
import type { IpProblem } from '@/lib/ip/parse-ip';
import type { KeyRowView } from '@/lib/keys/types';

/**
 * The checks shown before an address is authorized on a key, the same the Request Builder makes for token_add_ip:
 * an address no call comes from is refused, a private or reserved one is warned about (sendSMS sees the public
 * address a call comes from), and the Default-key trap is named (a key never used locks to the first caller). Client
 * and server read the same rules (lib/ip), so the dialog never promises what the server then refuses.
 *
 * Each check is data: what it found (`code`) and the values its sentence names (the address, the range and its block,
 * what is wrong with the input), which the dialog words in the reader's language (keys.authorizeRefusedIp.checks).
 */

/** ok: nothing to worry about; warning: allowed, but read this; refused: cannot be authorized. */
export type AuthorizeVerdict = 'ok' | 'warning' | 'refused';

export type AuthorizeCheck =
  /** The input is the address of one machine, in its normal form. */
  | { id: 'address'; verdict: 'ok'; code: 'one-machine'; address: string }
  /** The input cannot be authorized: lib/ip's problem with it (not an address, or no machine's). */
  | { id: 'address'; verdict: 'refused'; code: 'not-authorizable'; problem: IpProblem }
  | { id: 'range'; verdict: 'ok'; code: 'public' }
  /** A private, reserved or other special address, and the block (CIDR) it is in. */
  | { id: 'range'; verdict: 'warning'; code: 'special-range'; address: string; range: SpecialRange; cidr: string }
  /** A Cloud key refuses no address. */
  | { id: 'lock'; verdict: 'warning'; code: 'cloud' }
  /** A Default key never used: the Default-key trap. */
  | { id: 'lock'; verdict: 'warning'; code: 'never-used' }
  | { id: 'lock'; verdict: 'ok'; code: 'already-locked' }
  | { id: 'listed'; verdict: 'warning'; code: 'already-listed'; address: string };

type CheckedKey = Pick<KeyRowView, 'kind' | 'lockedAt' | 'lockedIps'>;

export function authorizeChecks(input: string, key: CheckedKey): AuthorizeCheck[] {
  const parsed = parseAuthorizableIp(input);
  if (!parsed.ok) return [{ id: 'address', verdict: 'refused', code: 'not-authorizable', problem: parsed.problem }];
  const { address } = parsed;
  const checks: AuthorizeCheck[] = [{ id: 'address', verdict: 'ok', code: 'one-machine', address }];
  const { range, cidr } = classifyAddress(address, parsed.version);
  checks.push(
    range !== 'public' && cidr !== null
      ? { id: 'range', verdict: 'warning', code: 'special-range', address, range, cidr }
      : { id: 'range', verdict: 'ok', code: 'public' },
  );
  if (key.kind === 'CLOUD') checks.push({ id: 'lock', verdict: 'warning', code: 'cloud' });
  else if (key.lockedAt === null) checks.push({ id: 'lock', verdict: 'warning', code: 'never-used' });
  else checks.push({ id: 'lock', verdict: 'ok', code: 'already-locked' });
  if (key.lockedIps.some((listed) => listed.address === address))
    checks.push({ id: 'listed', verdict: 'warning', code: 'already-listed', address });
  return checks;
}

/** Whether the checks let the address be sent (warnings do; a refusal does not). */
export function authorizable(checks: readonly AuthorizeCheck[]): boolean {
  return checks.every((check) => check.verdict !== 'refused');
}
