import type { Account } from '@/lib/generated/prisma/client';
import { credentialHealth, type CredentialHealth } from '@/lib/accounts/credential-health';
import type { CredentialKind } from '@/lib/generated/prisma/enums';
import { readCapabilities, type Capabilities } from '@/lib/sendsms/capabilities';

/** An account as the browser may see it: everything but the credential (not even its ciphertext). */
export interface AccountSummary {
  id: string;
  label: string;
  username: string;
  credentialKind: CredentialKind;
  credentialRotatedAt: string;
  credentialHealth: CredentialHealth;
  apiBaseUrl: string;
  balance: number | null;
  balanceCheckedAt: string | null;
  /** Upstream actions found supported or unsupported. */
  capabilities: Capabilities;
}

/** What ACCOUNT_SUMMARY_SELECT reads (the keys version is the keys list's business, not a summary's). */
export type AccountSummaryRow = Omit<Account, 'credentialCiphertext' | 'keysVersion'> & {
  credentialCiphertext?: string;
};

export function toAccountSummary(account: AccountSummaryRow, now = new Date()): AccountSummary {
  const capabilities = readCapabilities(account.capabilities);
  return {
    id: account.id,
    label: account.label,
    username: account.username,
    credentialKind: account.credentialKind,
    credentialRotatedAt: account.credentialRotatedAt.toISOString(),
    credentialHealth: credentialHealth(account.credentialKind, account.credentialRotatedAt, now),
    apiBaseUrl: account.apiBaseUrl,
    balance: account.balance,
    balanceCheckedAt: account.balanceCheckedAt?.toISOString() ?? null,
    capabilities,
  };
}

/** The Prisma select for summaries: the credential column is never read for display. */
export const ACCOUNT_SUMMARY_SELECT = {
  id: true,
  label: true,
  username: true,
  credentialKind: true,
  credentialRotatedAt: true,
  apiBaseUrl: true,
  capabilities: true,
  capabilitiesCheckedAt: true,
  balance: true,
  balanceCheckedAt: true,
  createdAt: true,
  updatedAt: true,
} as const;
