import 'server-only';
import { checkAccountCredential } from '@/lib/accounts/check-credential';
import { getConfig, getCredentialsKey, upstreamBaseUrl } from '@/lib/config';
import type { DatabaseDeps } from '@/lib/db/deps';
import { getPrisma } from '@/lib/db/client';

/**
 * What the accounts service needs from the outside world (lib/keys/deps.ts's shape), passed in so that integration
 * tests can give it a database and a sendSMS of their own.
 */
export interface AccountServiceDeps extends DatabaseDeps {
  /** Encrypts the credential before it reaches Postgres. */
  credentialsKey: Buffer;
  /** The sendSMS an account is added at when the form names none. */
  defaultApiBaseUrl: string;
  /** Asks sendSMS whether it accepts a credential (and the balance it answers with). */
  checkCredential: typeof checkAccountCredential;
  now(): Date;
}

export function serverAccountDeps(): AccountServiceDeps {
  return {
    prisma: getPrisma(),
    credentialsKey: getCredentialsKey(),
    defaultApiBaseUrl: upstreamBaseUrl(getConfig()),
    checkCredential: checkAccountCredential,
    now: () => new Date(),
  };
}
