import type { AccountCall } from '@/lib/auth/account-call';
import type { SessionUser } from '@/lib/auth/session-user';
import type { KeyCall } from '@/lib/keys/key-call';
import type { TestAccount } from '@/test/integration/keys/keys-fixture';

/** The call a keys service takes: `actor` (the account's admin unless said) acting on this account. */
export const callOn = (account: TestAccount, actor: SessionUser = account.admin): AccountCall => ({
  actor,
  accountId: account.accountId,
});
/** The same, on one of the account's keys. */
export const callOnKey = (account: TestAccount, keyId: string, actor: SessionUser = account.admin): KeyCall => ({
  ...callOn(account, actor),
  keyId,
});
