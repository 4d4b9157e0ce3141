import 'server-only';
import { deniedText } from '@/lib/auth/denied-text';
import type { Permission } from '@/lib/auth/permissions';
import type { SessionUser } from '@/lib/auth/session-user';
import { ACCOUNT_ROW_SELECT, type AccountRow } from '@/lib/db/account-row';
import type { KeyServiceDeps } from '@/lib/keys/deps';
import { accessDenied, noSuchAccount, notFound } from '@/lib/errors/refusals';
import { selectKey, type KeyRecord } from '@/lib/keys/repository';

/**
 * The services check the permission table themselves, whatever the route already did: a service is callable
 * from a page, a route and a test, and the rule must hold in each.
 */
export function assertAllowed(actor: SessionUser, permission: Permission, accountId: string): void {
  const reason = deniedText(actor, permission, accountId);
  // withPermission answers this with a 403 and audits it, like its own refusals.
  if (reason) throw accessDenied(reason, accountId);
}

/**
 * The account a service acts on: the row withPermission read with the session when the request named this account
 * (deps.account), else read now.
 */
export async function loadAccount(
  deps: Pick<KeyServiceDeps, 'prisma' | 'account'>,
  accountId: string,
): Promise<AccountRow> {
  if (deps.account?.id === accountId) return deps.account;
  const account = await deps.prisma.account.findUnique({ where: { id: accountId }, select: ACCOUNT_ROW_SELECT });
  if (!account) throw noSuchAccount();
  return account;
}

/**
 * The opening of every service that acts on one key: the permission on the account, then the key, which must be
 * one of that account's (a key id taken from another account is "no such key", whatever it names elsewhere).
 */
export async function loadAllowedKey(
  deps: Pick<KeyServiceDeps, 'prisma'>,
  actor: SessionUser,
  permission: Permission,
  accountId: string,
  keyId: string,
): Promise<KeyRecord> {
  assertAllowed(actor, permission, accountId);
  return loadKey(deps, accountId, keyId);
}

/** One of the account's keys, or the 404 for any other id. */
export async function loadKey(
  deps: Pick<KeyServiceDeps, 'prisma'>,
  accountId: string,
  keyId: string,
): Promise<KeyRecord> {
  const key = await selectKey(deps.prisma, accountId, keyId);
  if (!key) throw notFound('notFound.key');
  return key;
}
