import { z } from 'zod';
import type { Db } from '@/lib/keys/repository';
import { problemOfMessage } from '@/lib/keys/refresh-problem';
import type { PendingChangeView } from '@/lib/keys/types';
import { selectPendingChanges, type PendingChangeRecord } from '@/lib/keys/upstream-change-repository';

/**
 * The changes sent to sendSMS whose outcome is still being checked, as the keys pages show them: what was asked as
 * values (the action, the key's name or the address), which the page words in the reader's language. Opening,
 * claiming or settling one moves the account's keys version (migration upstream_changes_move_keys_version), so the
 * keys list reads them with its cached page; the key page reads them on every request.
 */

const ACTIONS: Record<PendingChangeRecord['action'], PendingChangeView['action']> = {
  TOKEN_GENERATE: 'generate',
  TOKEN_ADD_IP: 'authorize-ip',
  TOKEN_DELETE: 'delete',
};

const params = z.looseObject({ name: z.string().optional(), ip: z.string().optional() });

/** The key's name or the address asked for, when recorded ('Generate “Shop plugin”', 'Authorize 192.0.2.10'). */
function asked(change: PendingChangeRecord): Pick<PendingChangeView, 'keyName' | 'ip'> {
  const parsed = params.safeParse(change.params);
  const { name, ip } = parsed.success ? parsed.data : {};
  return change.action === 'TOKEN_ADD_IP' ? { keyName: null, ip: ip || null } : { keyName: name || null, ip: null };
}

/** `showRequester`: who asked is the audit log's to tell, so only viewers who may read it see the name. */
export async function pendingChanges(
  db: Db,
  accountId: string,
  options: { keyId?: string; showRequester: boolean },
): Promise<PendingChangeView[]> {
  return toPendingChangeViews(await selectPendingChanges(db, accountId, options.keyId), options);
}

/** The records as one viewer sees them (the keys list reads the records with its cached page). */
export function toPendingChangeViews(
  changes: readonly PendingChangeRecord[],
  options: { showRequester: boolean },
): PendingChangeView[] {
  return changes.map((change) => ({
    id: change.id,
    action: ACTIONS[change.action],
    keyId: change.keyId,
    ...asked(change),
    requestedBy: options.showRequester ? change.actorEmail : null,
    requestedAt: change.createdAt.toISOString(),
    // Kept as English (a text column): read back into its condition, for the page to word in the reader's language.
    lastCheckProblem: change.lastCheckError === null ? null : problemOfMessage(change.lastCheckError),
  }));
}
