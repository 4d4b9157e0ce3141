import { deniedReason, type Permission } from '@/lib/auth/permissions';
import type { SessionUser } from '@/lib/auth/session-user';
import type { Db } from '@/lib/keys/repository';
import { AccessDeniedError } from '@/lib/auth/access-denied';
import { KeyServiceError } from '@/lib/keys/errors';

/**
 * The services check the permission table themselves, whatever the route already did: a service is callable
 * from a page, a route and a test, and the rule must hold in each.
 */
export function assertAllowed(actor: SessionUser, permission: Permission, accountId: string): void {
  const reason = deniedReason(actor, permission, accountId);
  // withPermission answers this with a 403 and audits it, like its own refusals.
  if (reason) throw new AccessDeniedError(reason, accountId);
}

export interface AccountRow {
  id: string;
  label: string;
  username: string;
  credentialCiphertext: string;
  apiBaseUrl: string;
  capabilities: unknown;
  /** Moves with every change to the account's keys (see list-cache.ts). */
  keysVersion: bigint;
}

export async function loadAccount(db: Db, accountId: string): Promise<AccountRow> {
  const account = await db.account.findUnique({
    where: { id: accountId },
    select: { id: true, label: true, username: true, credentialCiphertext: true, apiBaseUrl: true, capabilities: true, keysVersion: true },
  });
  if (!account) throw new KeyServiceError('not-found', 'There is no such sendSMS account.');
  return account;
}
