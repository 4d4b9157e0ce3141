import type { useTranslations } from 'next-intl';

import { ipProblemMessage } from '@/components/keys/ip-problem-text';
import { classifyAddress } from '@/lib/ip/address-range';
import { parseAuthorizableIp } from '@/lib/ip/authorizable-ip';

/**
 * The builder's check of an address as the user types it, in the reader's language. The verdict is lib/ip's, the
 * same check the server makes (lib/request-builder/run-request.ts), so the field refuses what the server would; the
 * words are the `requestBuilder` messages' ip.*, chosen by what lib/ip says is wrong (`problem`) and, for a warning,
 * by the range the address is in and its block (`range`, `cidr`).
 */

type Translate = ReturnType<typeof useTranslations<'requestBuilder'>>;

export interface IpCheck {
  error: string | null;
  warning: string | null;
}

/** The field's check: an error (the request cannot be sent), a warning (it can, but is likely a mistake), or neither. */
export function checkIpParameter(t: Translate, value: string): IpCheck {
  if (value.trim() === '') return { error: null, warning: null };
  const parsed = parseAuthorizableIp(value);
  if (!parsed.ok) return { error: ipProblemMessage(t, parsed.problem), warning: null };
  const { range, cidr } = classifyAddress(parsed.address, parsed.version);
  if (range === 'public' || cidr === null) return { error: null, warning: null };
  return { error: null, warning: t(`ip.warning.${range}`, { address: parsed.address, cidr }) };
}
