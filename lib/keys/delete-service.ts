import 'server-only';
import type { KeyCall } from '@/lib/keys/key-call';
import { accountRefFor } from '@/lib/accounts/account-ref';
import { loadAccount, loadAllowedKey } from '@/lib/keys/access';
import { auditKeyEvent } from '@/lib/keys/audit';
import type { KeyServiceDeps } from '@/lib/keys/deps';
import { invalid } from '@/lib/errors/refusals';
import { errorText } from '@/lib/errors/text/localized-text';
import { revealKeySecret } from '@/lib/keys/key-secret';
import { outcomeIsUnknown } from '@/lib/keys/outcome-unknown';
import { markKeyDeleted } from '@/lib/keys/repository';
import { leaveOutcomeUnknown, recordIntent, settleAsFailed, settleFromAnswer } from '@/lib/keys/upstream-change';
import { isUpstreamStatus } from '@/lib/sendsms/errors';
import { deleteKey, HUB_API_KEYS_URL } from '@/lib/sendsms/key-operations';
import { appErrorFromSendsms } from '@/lib/errors/upstream-error';

/**
 * Delete, with the name typed to confirm. token_delete where the account has it; otherwise (or when the
 * dashboard never held the secret) the key leaves the registry and the answer links to the hub to revoke it,
 * because the key keeps working at sendSMS until then. If sendSMS refuses or is down, nothing is removed here.
 * token_delete is recorded as an intent before the call and settled with the audit row after it; a lost answer
 * leaves the key here, marked "outcome unknown, checking", until the resolver reads sendSMS back.
 */

export interface DeleteResult {
  revokedUpstream: boolean;
  /** Where to revoke the key when the dashboard could not. */
  revokeAt: string | null;
}

export async function deleteApiKey(deps: KeyServiceDeps, call: KeyCall, confirmName: string): Promise<DeleteResult> {
  const { actor, accountId, keyId, origin = {} } = call;
  const key = await loadAllowedKey(deps, actor, 'keys.manage', accountId, keyId);
  // What the key was, kept in the audit row because the key row is about to go.
  const params = { name: key.name, lastUsedAt: key.lastUsedAt?.toISOString() ?? null, useCount: key.useCount };
  const audit = { accountId, keyId, action: 'key.delete', params };
  if (confirmName !== key.name) {
    await auditKeyEvent(deps.prisma, actor, origin, {
      ...audit,
      outcome: 'failure',
      params: { ...audit.params, reason: 'confirmation did not match' },
    });
    throw invalid('keys.confirmDelete', { values: { name: key.name }, field: 'confirmName' });
  }

  let result: DeleteResult = { revokedUpstream: false, revokeAt: HUB_API_KEYS_URL };
  let changeId: string | null = null;
  if (key.secretCiphertext) {
    const account = await loadAccount(deps, accountId);
    changeId = await recordIntent(deps, actor, origin, {
      accountId,
      keyId,
      action: 'TOKEN_DELETE',
      params: { name: key.name },
    });
    try {
      const deletion = await deleteKey(
        deps.clientFor(account.apiBaseUrl),
        accountRefFor(account),
        revealKeySecret(key.secretCiphertext, deps.credentialsKey),
      );
      result = deletion.revokedUpstream
        ? { revokedUpstream: true, revokeAt: null }
        : { revokedUpstream: false, revokeAt: deletion.revokeAt };
    } catch (error) {
      // -128 "invalid record": sendSMS does not have this key any more (deleted on the hub): nothing left to revoke.
      if (isUpstreamStatus(error, -128)) result = { revokedUpstream: true, revokeAt: null };
      else if (outcomeIsUnknown(error))
        throw await leaveOutcomeUnknown(deps, changeId, errorText('outcome.keyDeleted'), error);
      else {
        await settleAsFailed(deps, changeId, error, (tx, upstreamStatus) =>
          auditKeyEvent(tx, actor, origin, { ...audit, outcome: 'failure', upstreamStatus }),
        );
        throw appErrorFromSendsms(error) ?? error;
      }
    }
  }
  await deps.prisma.$transaction(async (tx) => {
    await markKeyDeleted(tx, key.id, deps.now());
    await auditKeyEvent(tx, actor, origin, {
      ...audit,
      outcome: 'success',
      params: { ...audit.params, revokedUpstream: result.revokedUpstream },
    });
    // No intent when the key was never sent (the dashboard did not hold its secret): nothing went to sendSMS.
    if (changeId)
      await settleFromAnswer(
        tx,
        changeId,
        {
          state: 'SUCCEEDED',
          detail: result.revokedUpstream
            ? 'Key deleted at sendSMS.'
            : 'token_delete is not available: revoke the key on the hub.',
        },
        deps.now(),
      );
  });
  return result;
}
