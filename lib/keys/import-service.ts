import 'server-only';
import type { SessionUser } from '@/lib/auth/session-user';
import { accountRefFor } from '@/lib/accounts/account-ref';
import { fingerprintSecret, secretFragment } from '@/lib/crypto';
import { assertAllowed, loadAccount } from '@/lib/keys/access';
import { auditKeyEvent } from '@/lib/keys/audit';
import type { RequestOrigin } from '@/lib/auth/request-meta';
import type { KeyServiceDeps } from '@/lib/keys/deps';
import { conflict, invalid } from '@/lib/errors/refusals';
import type { ImportKeyInput } from '@/lib/keys/inputs';
import { sealKeySecret } from '@/lib/keys/key-secret';
import {
  insertKey,
  mergeKeyIps,
  reviveKey,
  selectKeyByFingerprint,
  selectKeyIps,
  type NewKeyRecord,
} from '@/lib/keys/repository';
import type { KeyRowView } from '@/lib/keys/types';
import { toKeyRowView } from '@/lib/keys/views';
import { isUpstreamStatus, upstreamStatusOf } from '@/lib/sendsms/errors';
import { appErrorFromSendsms } from '@/lib/errors/upstream-error';

/**
 * "Import a key made on the hub": the pasted secret is checked with sendSMS before it is saved, with
 * token_list_ips in the account form (the account names the key; the key itself is not used, so a Default key is
 * not locked here by the check). The answer's IP list becomes the key's Locked On IP cache.
 */

export async function importApiKey(
  deps: KeyServiceDeps,
  actor: SessionUser,
  accountId: string,
  input: ImportKeyInput,
  origin: RequestOrigin = {},
): Promise<{ key: KeyRowView }> {
  assertAllowed(actor, 'keys.manage', accountId);
  const account = await loadAccount(deps, accountId);
  const fingerprint = fingerprintSecret(input.secret);
  const audit = {
    accountId,
    action: 'key.import',
    params: {
      name: input.name,
      kind: input.kind,
      usageLabel: input.usageLabel,
      fragment: secretFragment(input.secret),
    },
  };

  const existing = await selectKeyByFingerprint(deps.prisma, accountId, fingerprint);
  if (existing && existing.deletedAt === null) {
    await auditKeyEvent(deps.prisma, actor, origin, {
      ...audit,
      keyId: existing.id,
      outcome: 'failure',
      params: { ...audit.params, reason: 'already listed' },
    });
    throw conflict('keys.alreadyListed', { values: { name: existing.name } });
  }

  let lockedIps;
  try {
    // used: 'unknown' counts as never used: if only the key form were possible, the client would refuse (the trap).
    const answer = await deps.clientFor(account.apiBaseUrl).call('token_list_ips', {
      account: accountRefFor(account),
      key: { secret: input.secret, kind: input.kind, used: 'unknown' },
    });
    lockedIps = answer.details;
  } catch (error) {
    await auditKeyEvent(deps.prisma, actor, origin, {
      ...audit,
      outcome: 'failure',
      upstreamStatus: upstreamStatusOf(error),
    });
    if (isUpstreamStatus(error, -8)) {
      throw invalid('keys.unknownToSendsms', { upstreamStatus: -8, field: 'secret' });
    }
    throw appErrorFromSendsms(error) ?? error;
  }

  const now = deps.now();
  const record: NewKeyRecord = {
    accountId,
    name: input.name,
    kind: input.kind,
    usageLabel: input.usageLabel,
    fragment: secretFragment(input.secret),
    secretFingerprint: fingerprint,
    secretCiphertext: sealKeySecret(input.secret, deps.credentialsKey),
    origin: 'IMPORTED',
    upstreamName: null,
    createdAt: now,
  };
  const key = await deps.prisma.$transaction(async (tx) => {
    const saved = existing ? await reviveKey(tx, existing.id, record) : await insertKey(tx, record);
    await mergeKeyIps(tx, saved, lockedIps, now, { authoritative: true });
    await auditKeyEvent(tx, actor, origin, {
      ...audit,
      keyId: saved.id,
      outcome: 'success',
      params: { ...audit.params, ips: lockedIps.length },
    });
    return {
      ...saved,
      ipsFetchedAt: now,
      lockedAt: saved.kind === 'DEFAULT' && lockedIps[0] ? (lockedIps[0].addedAt ?? now) : null,
    };
  });
  const ips = (await selectKeyIps(deps.prisma, [key.id])).get(key.id) ?? [];
  return { key: toKeyRowView(key, ips, now) };
}
