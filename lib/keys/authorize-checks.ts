import { parseAuthorizableIp } from '@/lib/ip/authorizable-ip';
import { classifyAddress } from '@/lib/ip/address-range';
import type { KeyRowView } from '@/lib/keys/types';

/**
 * The checks shown before an address is authorized on a key, the same the Request Builder makes for token_add_ip:
 * an address no call comes from is refused, a private or reserved one is warned about (sendSMS sees the public
 * address a call comes from), and the Default-key trap is named (a key never used locks to the first caller). Client
 * and server read the same rules (lib/ip), so the dialog never promises what the server then refuses.
 */

export interface AuthorizeCheck {
  id: 'address' | 'range' | 'lock' | 'listed';
  /** ok: nothing to worry about; warning: allowed, but read this; refused: cannot be authorized. */
  verdict: 'ok' | 'warning' | 'refused';
  text: string;
}

type CheckedKey = Pick<KeyRowView, 'kind' | 'lockedAt' | 'lockedIps'>;

export function authorizeChecks(input: string, key: CheckedKey): AuthorizeCheck[] {
  const parsed = parseAuthorizableIp(input);
  if (!parsed.ok) return [{ id: 'address', verdict: 'refused', text: parsed.reason }];
  const checks: AuthorizeCheck[] = [
    { id: 'address', verdict: 'ok', text: `${parsed.address} is the address of one machine.` },
  ];
  const { warning } = classifyAddress(parsed.address, parsed.version);
  checks.push(
    warning
      ? { id: 'range', verdict: 'warning', text: warning }
      : { id: 'range', verdict: 'ok', text: 'A public address: sendSMS can see calls come from it.' },
  );
  if (key.kind === 'CLOUD') {
    checks.push({
      id: 'lock',
      verdict: 'warning',
      text: 'A Cloud key refuses no address: authorizing changes nothing.',
    });
  } else if (key.lockedAt === null) {
    checks.push({
      id: 'lock',
      verdict: 'warning',
      text: 'This Default Key has never been used: if sendSMS can only be asked with the key itself, that call would lock it to the dashboard’s server, and you will be asked first.',
    });
  } else {
    checks.push({
      id: 'lock',
      verdict: 'ok',
      text: 'The key is already locked: authorizing adds this address to its list and locks it nowhere else.',
    });
  }
  if (key.lockedIps.some((listed) => listed.address === parsed.address))
    checks.push({ id: 'listed', verdict: 'warning', text: `${parsed.address} is already on Locked On IP.` });
  return checks;
}

/** Whether the checks let the address be sent (warnings do; a refusal does not). */
export function authorizable(checks: readonly AuthorizeCheck[]): boolean {
  return checks.every((check) => check.verdict !== 'refused');
}
