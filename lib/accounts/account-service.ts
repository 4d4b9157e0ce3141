import 'server-only';
import { deniedReason, grantableAccountIds, visibleAccountIds } from '@/lib/auth/permissions';
import { auditActor, recordAuditEvent } from '@/lib/audit/record';
import { recordAccountView, type AccountViewDetails } from '@/lib/auth/account-view';
import { metaOf, type RequestMeta } from '@/lib/auth/request-meta';
import type { AccountCall } from '@/lib/auth/account-call';
import type { SessionUser } from '@/lib/auth/session-user';
import { toAccountSummary, type AccountSummary } from '@/lib/accounts/account-summary';
import type { CredentialInput, NewAccountInput } from '@/lib/accounts/account-input';
import type { AccountServiceDeps } from '@/lib/accounts/deps';
import {
  insertAccount,
  selectAccountIdAt,
  selectAccountLabels,
  selectAccountLogin,
  selectAccountSummaries,
  selectAccountSummary,
  updateAccountCredential,
  type CheckedCredential,
} from '@/lib/accounts/repository';
import { encryptSecret } from '@/lib/crypto';
import type { DatabaseDeps } from '@/lib/db/deps';
import { prismaErrorCode } from '@/lib/db/prisma-error-code';
import { isAppError, type AppError } from '@/lib/errors/app-error';
import { conflict, noSuchAccount } from '@/lib/errors/refusals';

/**
 * The sendSMS accounts: listed per the role's scope, added and rotated by admins after sendSMS accepted the
 * credential. The credential is encrypted before it reaches the repository and never read back here.
 */

/**
 * The accounts the user's role reads (lib/auth/permissions.ts `visibleAccountIds`). With `viewedAt`, each one
 * shown to someone reading as an outsider (support staff) is recorded as `account.view`.
 */
export async function listAccounts(
  deps: DatabaseDeps,
  user: SessionUser,
  viewedAt?: AccountViewDetails,
): Promise<AccountSummary[]> {
  const rows = await selectAccountSummaries(deps.prisma, visibleAccountIds(user));
  if (viewedAt) for (const row of rows) await recordAccountView(deps.prisma, user, row.id, viewedAt);
  return rows.map((row) => toAccountSummary(row));
}

/** The accounts the user may give other users access to (lib/auth/permissions.ts `grantableAccountIds`). */
export function listGrantableAccounts(deps: DatabaseDeps, user: SessionUser): Promise<{ id: string; label: string }[]> {
  return selectAccountLabels(deps.prisma, grantableAccountIds(user));
}

/** One account's summary; `path` is the page or request that showed it, for the view record. */
export async function viewAccount(deps: DatabaseDeps, call: AccountCall, path: string): Promise<AccountSummary> {
  const row = await selectAccountSummary(deps.prisma, call.accountId);
  if (!row) throw noSuchAccount();
  await recordAccountView(deps.prisma, call.actor, call.accountId, { ...metaOf(call.origin), path });
  return toAccountSummary(row);
}

/**
 * Asks sendSMS whether it accepts the credential; a refusal (or sendSMS failing) is recorded as the action's
 * failure and thrown on, so nothing is stored.
 */
async function checkOrRecordFailure(
  deps: AccountServiceDeps,
  user: SessionUser,
  login: { apiBaseUrl: string; username: string; credential: string },
  audit: { action: string; accountId?: string; params: Record<string, unknown>; meta: RequestMeta },
): Promise<{ balance: number; upstreamStatus: number }> {
  try {
    return await deps.checkCredential(login.apiBaseUrl, login.username, login.credential);
  } catch (error) {
    await recordAuditEvent(deps.prisma, {
      ...auditActor(user),
      accountId: audit.accountId ?? null,
      action: audit.action,
      params: { ...audit.params, reason: error instanceof Error ? error.message : 'check failed' },
      outcome: 'failure',
      upstreamStatus: isAppError(error) ? (error.options.upstreamStatus ?? null) : null,
      ...audit.meta,
    });
    throw error;
  }
}

function checkedCredential(
  deps: AccountServiceDeps,
  input: CredentialInput,
  checked: { balance: number },
): CheckedCredential {
  const now = deps.now();
  const { credentialKind } = input;
  const credentialCiphertext = encryptSecret(input.credential, deps.credentialsKey);
  return {
    credentialCiphertext,
    credentialKind,
    credentialRotatedAt: now,
    balance: checked.balance,
    balanceCheckedAt: now,
  };
}

export async function createAccount(
  deps: AccountServiceDeps,
  user: SessionUser,
  input: NewAccountInput,
  meta: RequestMeta,
): Promise<AccountSummary> {
  const apiBaseUrl = input.apiBaseUrl || deps.defaultApiBaseUrl;
  const params = { label: input.label, username: input.username, credentialKind: input.credentialKind, apiBaseUrl };
  // Whether the account is already here is said only to someone who may see it; to anyone else it is said only
  // once sendSMS has accepted the credential (proof that they hold the account), and without saying who has it.
  const existingId = await selectAccountIdAt(deps.prisma, apiBaseUrl, input.username);
  if (existingId && !deniedReason(user, 'accounts.read', existingId)) {
    throw conflict('accounts.alreadyHere', { values: { username: input.username, apiBaseUrl } });
  }
  const checked = await checkOrRecordFailure(
    deps,
    user,
    { apiBaseUrl, username: input.username, credential: input.credential },
    { action: 'account.create', params, meta },
  );
  if (existingId) throw alreadyManagedElsewhere();
  const credential = checkedCredential(deps, input, checked);
  try {
    return await deps.prisma.$transaction(async (tx) => {
      // The admin who adds an account manages it.
      const account = await insertAccount(
        tx,
        { label: input.label, username: input.username, apiBaseUrl, memberId: user.id },
        credential,
      );
      await recordAuditEvent(tx, {
        ...auditActor(user),
        accountId: account.id,
        action: 'account.create',
        params,
        outcome: 'success',
        upstreamStatus: checked.upstreamStatus,
        ...meta,
      });
      return toAccountSummary(account, credential.credentialRotatedAt);
    });
  } catch (error) {
    if (prismaErrorCode(error) === 'P2002') throw alreadyManagedElsewhere();
    throw error;
  }
}

/** Names no tenant: the installation admin can give access to the account that is already here. */
function alreadyManagedElsewhere(): AppError {
  return conflict('accounts.managedElsewhere');
}

/** Replaces the credential in place (same account, same keys and memberships) once sendSMS accepts the new one. */
export async function rotateCredential(
  deps: AccountServiceDeps,
  { actor: user, accountId, origin }: AccountCall,
  input: CredentialInput,
): Promise<AccountSummary> {
  const account = await selectAccountLogin(deps.prisma, accountId);
  if (!account) throw noSuchAccount();
  const meta = metaOf(origin);
  const params = { credentialKind: input.credentialKind };
  const checked = await checkOrRecordFailure(
    deps,
    user,
    { ...account, credential: input.credential },
    { action: 'account.rotate_credential', accountId, params, meta },
  );
  const credential = checkedCredential(deps, input, checked);
  return deps.prisma.$transaction(async (tx) => {
    const updated = await updateAccountCredential(tx, accountId, credential);
    await recordAuditEvent(tx, {
      ...auditActor(user),
      accountId,
      action: 'account.rotate_credential',
      params,
      outcome: 'success',
      upstreamStatus: checked.upstreamStatus,
      ...meta,
    });
    return toAccountSummary(updated, credential.credentialRotatedAt);
  });
}
