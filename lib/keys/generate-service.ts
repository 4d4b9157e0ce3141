import 'server-only';
import type { AccountCall } from '@/lib/auth/account-call';
import { accountRefFor } from '@/lib/accounts/account-ref';
import { fingerprintSecret, secretFragment } from '@/lib/crypto';
import { assertAllowed, loadAccount } from '@/lib/keys/access';
import { auditKeyEvent } from '@/lib/keys/audit';
import { accountCapability } from '@/lib/keys/capabilities';
import type { KeyServiceDeps } from '@/lib/keys/deps';
import { unsupported } from '@/lib/errors/refusals';
import { errorText } from '@/lib/errors/text/localized-text';
import type { GenerateKeyInput } from '@/lib/keys/inputs';
import { sealKeySecret } from '@/lib/keys/key-secret';
import { outcomeIsUnknown } from '@/lib/keys/outcome-unknown';
import { insertKey, reviveKey, selectKeyByFingerprint, type NewKeyRecord } from '@/lib/keys/repository';
import type { KeyRowView } from '@/lib/keys/types';
import { leaveOutcomeUnknown, recordIntent, settleAsFailed, settleFromAnswer } from '@/lib/keys/upstream-change';
import { toKeyRowView } from '@/lib/keys/views';
import { sendsmsErrorOf } from '@/lib/sendsms/errors';
import { generateKey } from '@/lib/sendsms/key-operations';
import { appErrorFromSendsms } from '@/lib/errors/upstream-error';

/**
 * "Generate a new API Key": token_generate where the account has it, else the documented three-step flow (the
 * kind is then only a label here and must be set on the hub), else the user is sent to import a key made on the
 * hub. The secret is returned exactly once, in this call's answer; the registry keeps it encrypted, because
 * token_list_ips, token_add_ip and token_delete name the key by it. The intent is committed before the call and
 * settled with the audit row after it; a lost answer leaves it open for the resolver, which finds the key at
 * sendSMS if it was made (and flags it: its secret then reached nobody).
 */

export interface NewKeyResult {
  key: KeyRowView;
  /** Shown once, never stored in clear, never returned again. */
  secret: string;
  via: 'token_generate' | 'authorize_application' | 'import';
  kindSetOnHub: boolean;
}

export async function generateApiKey(
  deps: KeyServiceDeps,
  call: AccountCall,
  input: GenerateKeyInput,
): Promise<NewKeyResult> {
  const { actor, accountId, origin = {} } = call;
  assertAllowed(actor, 'keys.manage', accountId);
  const account = await loadAccount(deps, accountId);
  const audit = {
    accountId,
    action: 'key.generate',
    params: { name: input.name, kind: input.kind, usageLabel: input.usageLabel },
  };
  const changeId = await recordIntent(deps, actor, origin, {
    accountId,
    action: 'TOKEN_GENERATE',
    params: audit.params,
  });
  let generated;
  try {
    generated = await generateKey(deps.clientFor(account.apiBaseUrl), accountRefFor(account), {
      name: input.name,
      kind: input.kind,
    });
  } catch (error) {
    if (outcomeIsUnknown(error))
      throw await leaveOutcomeUnknown(deps, changeId, errorText('outcome.keyMade', { name: input.name }), error);
    await settleAsFailed(deps, changeId, error, (tx, upstreamStatus) =>
      auditKeyEvent(tx, actor, origin, { ...audit, outcome: 'failure', upstreamStatus }),
    );
    if (sendsmsErrorOf(error, 'unsupported')) {
      throw unsupported('keys.cannotGenerate', { upstreamStatus: -2 });
    }
    throw appErrorFromSendsms(error) ?? error;
  }

  const now = deps.now();
  // Only an account known to report usage gets a count of 0 now; elsewhere a 0 would never change ("not reported").
  const usageReported = accountCapability(account.capabilities, 'token_list') === 'supported';
  const record: NewKeyRecord = {
    accountId,
    name: input.name,
    kind: generated.kind,
    usageLabel: input.usageLabel,
    fragment: secretFragment(generated.secret),
    secretFingerprint: fingerprintSecret(generated.secret),
    secretCiphertext: sealKeySecret(generated.secret, deps.credentialsKey),
    origin: 'GENERATED',
    upstreamName: generated.name,
    createdAt: now,
    // A key made this instant has no use and no IP yet: that is known, not guessed.
    useCount: usageReported ? 0 : null,
    usageFetchedAt: usageReported ? now : null,
    ipsFetchedAt: now,
  };
  const key = await deps.prisma.$transaction(async (tx) => {
    const existing = await selectKeyByFingerprint(tx, accountId, record.secretFingerprint);
    const saved = existing ? await reviveKey(tx, existing.id, record) : await insertKey(tx, record);
    await auditKeyEvent(tx, actor, origin, {
      ...audit,
      keyId: saved.id,
      outcome: 'success',
      params: { ...audit.params, via: generated.via, kindSetOnHub: generated.kindSetOnHub },
    });
    await settleFromAnswer(
      tx,
      changeId,
      { state: 'SUCCEEDED', detail: 'Key generated.', upstreamStatus: 0, keyId: saved.id },
      now,
    );
    return saved;
  });
  return {
    key: toKeyRowView(key, [], now),
    secret: generated.secret,
    via: generated.via,
    kindSetOnHub: generated.kindSetOnHub,
  };
}
