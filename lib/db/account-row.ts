import 'server-only';
import type { Prisma } from '@/lib/generated/prisma/client';

/**
 * A sendSMS account as the services that act on it read it (keys, the request builder): what calling sendSMS
 * needs, and the keys version the keys list caches under. Server-only: it holds the credential's ciphertext.
 */
export interface AccountRow {
  id: string;
  label: string;
  username: string;
  credentialCiphertext: string;
  apiBaseUrl: string;
  capabilities: unknown;
  /** Moves with every change to the account's keys (see lib/keys/list-cache.ts). */
  keysVersion: bigint;
}

export const ACCOUNT_ROW_SELECT = {
  id: true,
  label: true,
  username: true,
  credentialCiphertext: true,
  apiBaseUrl: true,
  capabilities: true,
  keysVersion: true,
} as const satisfies Record<keyof AccountRow, true> & Prisma.AccountSelect;

/** The same columns for SQL written by hand (the session lookup reads the account in its own statement). */
export const ACCOUNT_ROW_COLUMNS = Object.keys(ACCOUNT_ROW_SELECT)
  .map((column) => `"${column}"`)
  .join(', ');

/** An account row that came back as JSON (row_to_json): the keys version as a bigint again. */
export function accountRowFromJson(
  json: Omit<AccountRow, 'keysVersion'> & { keysVersion: number | string },
): AccountRow {
  return { ...json, keysVersion: BigInt(json.keysVersion) };
}
