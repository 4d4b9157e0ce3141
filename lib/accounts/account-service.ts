import { deniedReason, visibleAccountIds } from '@/lib/auth/permissions';
import { recordAuditEvent } from '@/lib/audit/record';
import { conflict } from '@/lib/errors/refusals';
import type { SessionUser } from '@/lib/auth/session-user';
import type { RequestMeta } from '@/lib/auth/with-permission';
import { ACCOUNT_SUMMARY_SELECT, toAccountSummary, type AccountSummary } from '@/lib/accounts/account-summary';
import type { CredentialInput, NewAccountInput } from '@/lib/accounts/account-input';
import { checkAccountCredential } from '@/lib/accounts/check-credential';
import { recordAccountView } from '@/lib/accounts/record-view';
import { getConfig, getCredentialsKey, upstreamBaseUrl } from '@/lib/config';
import { encryptSecret } from '@/lib/crypto';
import { getPrisma } from '@/lib/db/client';
import { prismaErrorCode } from '@/lib/db/prisma-error-code';
import { isAppError, type AppError } from '@/lib/errors/app-error';

/**
 * The sendSMS accounts: listed per the role's scope, added and rotated by admins after sendSMS accepted the
 * credential. The credential is encrypted before it reaches Prisma and never read back here.
 */

const actorOf = (user: SessionUser) => ({ actorId: user.id, actorEmail: user.email, actorRole: user.role });

/** Support and the installation admin see every account; account admins and leads the accounts they are members of. */
export async function listAccounts(user: SessionUser): Promise<AccountSummary[]> {
  const rows = await getPrisma().account.findMany({
    where: { id: visibleAccountIds(user) },
    select: ACCOUNT_SUMMARY_SELECT,
    orderBy: { label: 'asc' },
  });
  return rows.map((row) => toAccountSummary(row));
}

export async function viewAccount(
  user: SessionUser,
  accountId: string,
  meta: RequestMeta & { path: string },
): Promise<AccountSummary | null> {
  const row = await getPrisma().account.findUnique({ where: { id: accountId }, select: ACCOUNT_SUMMARY_SELECT });
  if (!row) return null;
  await recordAccountView(getPrisma(), user, accountId, meta);
  return toAccountSummary(row);
}

export async function createAccount(
  user: SessionUser,
  input: NewAccountInput,
  meta: RequestMeta,
): Promise<AccountSummary> {
  const apiBaseUrl = input.apiBaseUrl || upstreamBaseUrl(getConfig());
  const params = { label: input.label, username: input.username, credentialKind: input.credentialKind, apiBaseUrl };
  const prisma = getPrisma();
  // Whether the account is already here is said only to someone who may see it; to anyone else it is said only
  // once sendSMS has accepted the credential (proof that they hold the account), and without saying who has it.
  const existing = await prisma.account.findUnique({
    where: { apiBaseUrl_username: { apiBaseUrl, username: input.username } },
    select: { id: true },
  });
  if (existing && !deniedReason(user, 'accounts.read', existing.id)) {
    throw conflict(`The account ${input.username} at ${apiBaseUrl} is already on the dashboard.`);
  }
  let checked: { balance: number; upstreamStatus: number };
  try {
    checked = await checkAccountCredential(apiBaseUrl, input.username, input.credential);
  } catch (error) {
    await recordAuditEvent(prisma, {
      ...actorOf(user),
      action: 'account.create',
      params: { ...params, reason: error instanceof Error ? error.message : 'check failed' },
      outcome: 'failure',
      upstreamStatus: isAppError(error) ? (error.options.upstreamStatus ?? null) : null,
      ...meta,
    });
    throw error;
  }
  if (existing) throw alreadyManagedElsewhere();
  const now = new Date();
  try {
    return await prisma.$transaction(async (tx) => {
      const account = await tx.account.create({
        data: {
          label: input.label,
          username: input.username,
          credentialCiphertext: encryptSecret(input.credential, getCredentialsKey()),
          credentialKind: input.credentialKind,
          credentialRotatedAt: now,
          apiBaseUrl,
          balance: checked.balance,
          balanceCheckedAt: now,
          // The admin who adds an account manages it.
          memberships: { create: { userId: user.id } },
        },
        select: ACCOUNT_SUMMARY_SELECT,
      });
      await recordAuditEvent(tx, {
        ...actorOf(user),
        accountId: account.id,
        action: 'account.create',
        params,
        outcome: 'success',
        upstreamStatus: checked.upstreamStatus,
        ...meta,
      });
      return toAccountSummary(account, now);
    });
  } catch (error) {
    if (prismaErrorCode(error) === 'P2002') throw alreadyManagedElsewhere();
    throw error;
  }
}

/** Names no tenant: the installation admin can give access to the account that is already here. */
function alreadyManagedElsewhere(): AppError {
  return conflict(
    "This sendSMS account cannot be added again. Ask the installation's administrator to give you access to it.",
  );
}

/** Replaces the credential in place (same account, same keys and memberships) once sendSMS accepts the new one. */
export async function rotateCredential(
  user: SessionUser,
  accountId: string,
  input: CredentialInput,
  meta: RequestMeta,
): Promise<AccountSummary | null> {
  const prisma = getPrisma();
  const account = await prisma.account.findUnique({
    where: { id: accountId },
    select: { username: true, apiBaseUrl: true },
  });
  if (!account) return null;
  const params = { credentialKind: input.credentialKind };
  let checked: { balance: number; upstreamStatus: number };
  try {
    checked = await checkAccountCredential(account.apiBaseUrl, account.username, input.credential);
  } catch (error) {
    await recordAuditEvent(prisma, {
      ...actorOf(user),
      accountId,
      action: 'account.rotate_credential',
      params: { ...params, reason: error instanceof Error ? error.message : 'check failed' },
      outcome: 'failure',
      upstreamStatus: isAppError(error) ? (error.options.upstreamStatus ?? null) : null,
      ...meta,
    });
    throw error;
  }
  const now = new Date();
  return prisma.$transaction(async (tx) => {
    const updated = await tx.account.update({
      where: { id: accountId },
      data: {
        credentialCiphertext: encryptSecret(input.credential, getCredentialsKey()),
        credentialKind: input.credentialKind,
        credentialRotatedAt: now,
        balance: checked.balance,
        balanceCheckedAt: now,
      },
      select: ACCOUNT_SUMMARY_SELECT,
    });
    await recordAuditEvent(tx, {
      ...actorOf(user),
      accountId,
      action: 'account.rotate_credential',
      params,
      outcome: 'success',
      upstreamStatus: checked.upstreamStatus,
      ...meta,
    });
    return toAccountSummary(updated, now);
  });
}
