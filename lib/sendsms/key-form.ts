import { DefaultKeyFirstUseError } from '@/lib/sendsms/errors';
import type { KeyKind } from '@/lib/generated/prisma/enums';

/**
 * token_list_ips and token_add_ip act on one key, in one of two forms (contract, "Which key"):
 *   account form: password=<account credential>&token=<the key>: acts on the named key from the account itself;
 *   key form:     password=<the key>: acts on that key, and counts as the key's own use from this server's IP.
 * The account form is preferred: it never uses the key, so it can never lock a Default key to this server. The
 * key form is the fallback when the dashboard holds no account credential, or the account form is known not to
 * work; then a Default key that has never been used would lock to this server's IP on this very call (the
 * Default-key trap), so that call is refused unless the caller confirmed it.
 */

export interface KeyInUse {
  secret: string;
  kind: KeyKind;
  /** Whether the key has ever made a call (a Default key locks on its first). Unknown counts as never. */
  used: boolean | 'unknown';
}

export interface KeyCallTarget {
  username: string;
  /** The account's password or account-level key, when the dashboard holds it. */
  accountCredential: string | null;
  key: KeyInUse;
  /** False once the account form is known not to work for this account. */
  accountFormWorks?: boolean;
  /** The user was told the key will lock to this server's IP and agreed. */
  confirmFirstUseLock?: boolean;
}

export type KeyCallForm =
  | { form: 'account'; credentials: { username: string; password: string; token: string } }
  | { form: 'key'; credentials: { username: string; password: string } };

export function chooseKeyCallForm(action: string, target: KeyCallTarget): KeyCallForm {
  if (target.accountCredential && target.accountFormWorks !== false) {
    return {
      form: 'account',
      credentials: { username: target.username, password: target.accountCredential, token: target.key.secret },
    };
  }
  if (target.key.kind === 'DEFAULT' && target.key.used !== true && !target.confirmFirstUseLock) {
    throw new DefaultKeyFirstUseError(action);
  }
  return { form: 'key', credentials: { username: target.username, password: target.key.secret } };
}
