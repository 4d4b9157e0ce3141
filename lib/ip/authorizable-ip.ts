import { authorizationRefusal, unauthorizableRange } from '@/lib/ip/address-range';
import { parseIp, type ParsedIp } from '@/lib/ip/parse-ip';

/**
 * An address a key may be locked to: one parseIp accepts that is the address of a machine (not 0.0.0.0, ::,
 * 255.255.255.255 or another unspecified or broadcast address). Authorize IP, the builder's token_add_ip on the
 * server, and the builder's field as the user types all use this, so all three refuse the same addresses the same way.
 */
export function parseAuthorizableIp(input: string): ParsedIp {
  const parsed = parseIp(input);
  if (!parsed.ok) return parsed;
  const range = unauthorizableRange(parsed.address, parsed.version);
  if (range === null) return parsed;
  return {
    ok: false,
    reason: authorizationRefusal(parsed.address, parsed.version)!,
    problem: { code: 'notAuthorizable', address: parsed.address, range },
  };
}
