import 'server-only';
import type { Prisma, PrismaClient } from '@/lib/generated/prisma/client';
import { ACCOUNT_SUMMARY_SELECT, type AccountSummaryRow } from '@/lib/accounts/account-summary';

/**
 * Every read and write of the sendSMS accounts (Account and the memberships made with one), and nothing else: no
 * rules, no permissions, no upstream calls. The services decide; this file only says how Postgres is asked. Writes
 * take a transaction client so that an audit row can join them. The credential column is written here, never read.
 */

export type Db = PrismaClient | Prisma.TransactionClient;

/** The accounts whose ids pass the filter (undefined: every account), by label. */
export function selectAccountSummaries(db: Db, ids: { in: string[] } | undefined): Promise<AccountSummaryRow[]> {
  return db.account.findMany({ where: { id: ids }, select: ACCOUNT_SUMMARY_SELECT, orderBy: { label: 'asc' } });
}

export function selectAccountSummary(db: Db, accountId: string): Promise<AccountSummaryRow | null> {
  return db.account.findUnique({ where: { id: accountId }, select: ACCOUNT_SUMMARY_SELECT });
}

/** The labels of the accounts whose ids pass the filter (undefined: every account), by label: for pickers. */
export function selectAccountLabels(
  db: Db,
  ids: { in: string[] } | undefined,
): Promise<{ id: string; label: string }[]> {
  return db.account.findMany({ where: { id: ids }, select: { id: true, label: true }, orderBy: { label: 'asc' } });
}

/** The id of the account with this username at this sendSMS, if the dashboard has it. */
export async function selectAccountIdAt(db: Db, apiBaseUrl: string, username: string): Promise<string | null> {
  const row = await db.account.findUnique({
    where: { apiBaseUrl_username: { apiBaseUrl, username } },
    select: { id: true },
  });
  return row?.id ?? null;
}

/** Where and as whom an account signs in to sendSMS (without its credential). */
export function selectAccountLogin(
  db: Db,
  accountId: string,
): Promise<{ username: string; apiBaseUrl: string } | null> {
  return db.account.findUnique({ where: { id: accountId }, select: { username: true, apiBaseUrl: true } });
}

/** A credential sendSMS has just accepted, as the account's columns: encrypted, with the balance it answered. */
export type CheckedCredential = Pick<
  Prisma.AccountUncheckedCreateInput,
  'credentialCiphertext' | 'credentialKind' | 'credentialRotatedAt' | 'balance' | 'balanceCheckedAt'
> & { credentialRotatedAt: Date };

/** A new account, with its first member (the admin who added it). A duplicate fails with P2002. */
export function insertAccount(
  tx: Db,
  account: { label: string; username: string; apiBaseUrl: string; memberId: string },
  credential: CheckedCredential,
): Promise<AccountSummaryRow> {
  return tx.account.create({
    data: {
      label: account.label,
      username: account.username,
      apiBaseUrl: account.apiBaseUrl,
      ...credential,
      memberships: { create: { userId: account.memberId } },
    },
    select: ACCOUNT_SUMMARY_SELECT,
  });
}

export function updateAccountCredential(
  tx: Db,
  accountId: string,
  credential: CheckedCredential,
): Promise<AccountSummaryRow> {
  return tx.account.update({
    where: { id: accountId },
    data: credential,
    select: ACCOUNT_SUMMARY_SELECT,
  });
}
