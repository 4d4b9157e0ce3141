import { readCapabilities } from '@/lib/sendsms/capabilities';

/** What the account is known to support, from the Account row's JSON (read by the one schema in lib/sendsms/capabilities.ts). */
export function accountCapability(
  capabilities: unknown,
  action: 'token_list' | 'token_generate' | 'token_delete',
): 'supported' | 'unsupported' | 'unknown' {
  return readCapabilities(capabilities)[action] ?? 'unknown';
}
