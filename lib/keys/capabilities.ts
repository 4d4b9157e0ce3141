import { z } from 'zod';

/** What the account is known to support, read leniently from the Account row's JSON (lib/sendsms/capabilities-postgres.ts writes it). */
const stored = z.record(z.string(), z.unknown()).catch({});

export function accountCapability(
  capabilities: unknown,
  action: 'token_list' | 'token_generate' | 'token_delete',
): 'supported' | 'unsupported' | 'unknown' {
  const value = stored.parse(capabilities ?? {})[action];
  return value === 'supported' || value === 'unsupported' ? value : 'unknown';
}
