import 'server-only';
import type { KeyCall } from '@/lib/keys/key-call';
import { loadAllowedKey } from '@/lib/keys/access';
import { auditKeyEvent } from '@/lib/keys/audit';
import type { KeyServiceDeps } from '@/lib/keys/deps';
import { updateKeyName } from '@/lib/keys/repository';

/**
 * Rename: the name is the dashboard's own label. sendSMS has no action to rename a key, so the answer says
 * whether sendSMS knows the key by a name (and which) so the page can tell the user the two now differ.
 */

export interface RenameResult {
  name: string;
  /** The name sendSMS knows the key by; null when it never told us one. */
  upstreamName: string | null;
  upstreamKnowsName: boolean;
}

export async function renameApiKey(deps: KeyServiceDeps, call: KeyCall, name: string): Promise<RenameResult> {
  const { actor, accountId, keyId, origin = {} } = call;
  const key = await loadAllowedKey(deps, actor, 'keys.manage', accountId, keyId);
  await deps.prisma.$transaction(async (tx) => {
    await updateKeyName(tx, key.id, name);
    await auditKeyEvent(tx, actor, origin, {
      accountId,
      keyId,
      action: 'key.rename',
      outcome: 'success',
      params: { from: key.name, to: name },
    });
  });
  return { name, upstreamName: key.upstreamName, upstreamKnowsName: key.upstreamName !== null };
}
