import 'server-only';
import { getCredentialsKey } from '@/lib/config';
import { decryptSecret } from '@/lib/crypto';
import type { AccountRef } from '@/lib/sendsms/client';

/**
 * The only place a stored account credential is decrypted: into the AccountRef the sendSMS client sends with a
 * call. It never goes further (not to a page, a log, an error or the audit log).
 */
export function accountRefFor(account: { username: string; credentialCiphertext: string }): AccountRef {
  return { username: account.username, credential: decryptSecret(account.credentialCiphertext, getCredentialsKey()) };
}
