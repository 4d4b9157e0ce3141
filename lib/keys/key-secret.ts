import 'server-only';
import { decryptSecret, encryptSecret } from '@/lib/crypto';
import type { KeyInUse } from '@/lib/sendsms/key-form';
import type { KeyKind } from '@/lib/generated/prisma/enums';

/**
 * The one place a stored key secret is decrypted: into the KeyInUse the sendSMS client sends as `token` (or, in
 * the key form, as the password). Like account credentials, it never goes to a page, a log or the audit log.
 *
 * Why the dashboard keeps secrets at all: token_list_ips, token_add_ip and token_delete name the key by its
 * secret, so a key whose secret is not held can be listed but not acted on.
 */

export function sealKeySecret(secret: string, credentialsKey: Buffer): string {
  return encryptSecret(secret, credentialsKey);
}

/** The secret itself, for the one action that names a key by it outside a key call (token_delete). */
export function revealKeySecret(secretCiphertext: string, credentialsKey: Buffer): string {
  return decryptSecret(secretCiphertext, credentialsKey);
}

export function keyInUse(
  key: {
    secretCiphertext: string | null;
    kind: KeyKind;
    lockedAt: Date | null;
    lastUsedAt: Date | null;
    useCount: number | null;
  },
  credentialsKey: Buffer,
): KeyInUse | null {
  if (!key.secretCiphertext) return null;
  const used = key.lockedAt !== null || key.lastUsedAt !== null || (key.useCount ?? 0) > 0;
  return { secret: decryptSecret(key.secretCiphertext, credentialsKey), kind: key.kind, used };
}
