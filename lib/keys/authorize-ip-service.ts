import 'server-only';
import type { KeyCall } from '@/lib/keys/key-call';
import { accountRefFor } from '@/lib/accounts/account-ref';
import { loadAccount, loadAllowedKey } from '@/lib/keys/access';
import { auditKeyEvent } from '@/lib/keys/audit';
import type { KeyServiceDeps } from '@/lib/keys/deps';
import type { AppError } from '@/lib/errors/app-error';
import { conflict, invalid } from '@/lib/errors/refusals';
import { errorText } from '@/lib/errors/text/localized-text';
import type { AuthorizeIpInput } from '@/lib/keys/inputs';
import { keyInUse } from '@/lib/keys/key-secret';
import { outcomeIsUnknown } from '@/lib/keys/outcome-unknown';
import { addKeyIp, selectKeyIps } from '@/lib/keys/repository';
import type { LockedIpView } from '@/lib/keys/types';
import { leaveOutcomeUnknown, recordIntent, settleFromAnswer } from '@/lib/keys/upstream-change';
import { toLockedIpView } from '@/lib/keys/views';
import { isUpstreamStatus, sendsmsErrorOf, upstreamStatusOf } from '@/lib/sendsms/errors';
import { appErrorFromSendsms } from '@/lib/errors/upstream-error';

/**
 * "Authorize IP": token_add_ip with the contract's rules. The account form is used whenever the dashboard holds
 * the account credential, so the key itself is not used and cannot lock here. Where only the key form is
 * possible on a never-used Default key, the call would lock it to this server's IP first (the Default-key trap):
 * refused with 409 until the user confirms. On success the Locked On IP cache changes at once.
 */

export interface AuthorizeIpResult {
  lockedIps: LockedIpView[];
  /** sendSMS said the address was already on the list (-512): it is now in the cache too. */
  alreadyListed: boolean;
}

export async function authorizeKeyIp(
  deps: KeyServiceDeps,
  call: KeyCall,
  input: AuthorizeIpInput,
): Promise<AuthorizeIpResult> {
  const { actor, accountId, keyId, origin = {} } = call;
  const key = await loadAllowedKey(deps, actor, 'ips.authorize', accountId, keyId);
  const params = { ip: input.ip, confirmFirstUseLock: input.confirmFirstUseLock ?? false };
  const audit = { accountId, keyId, action: 'ip.authorize', params };
  const fail = async (error: AppError, upstreamStatus: number | null = null) => {
    await auditKeyEvent(deps.prisma, actor, origin, {
      ...audit,
      outcome: 'failure',
      upstreamStatus,
      params: { ...audit.params, reason: error.message },
    });
    return error;
  };

  if (key.kind === 'CLOUD') throw await fail(invalid('keys.cloudNothingToAuthorize', { field: 'ip' }));
  const inUse = keyInUse(key, deps.credentialsKey);
  if (!inUse) {
    throw await fail(conflict('keys.notHeldCannotAuthorize'));
  }

  const account = await loadAccount(deps, accountId);
  const changeId = await recordIntent(deps, actor, origin, {
    accountId,
    keyId,
    action: 'TOKEN_ADD_IP',
    params: audit.params,
  });
  // A refusal settles the intent with its audit row, in one transaction.
  const failChange = async (error: AppError, upstreamStatus: number | null = null) => {
    await deps.prisma.$transaction(async (tx) => {
      await settleFromAnswer(tx, changeId, { state: 'FAILED', detail: error.message, upstreamStatus }, deps.now());
      await auditKeyEvent(tx, actor, origin, {
        ...audit,
        outcome: 'failure',
        upstreamStatus,
        params: { ...audit.params, reason: error.message },
      });
    });
    return error;
  };
  let alreadyListed = false;
  try {
    await deps.clientFor(account.apiBaseUrl).call('token_add_ip', {
      account: accountRefFor(account),
      key: inUse,
      params: { ipaddr: input.ip },
      accountFormWorks: input.sendAs !== 'key',
      confirmFirstUseLock: input.confirmFirstUseLock,
    });
  } catch (error) {
    // -512: the address is on the list already, which is what was asked.
    if (isUpstreamStatus(error, -512)) alreadyListed = true;
    else if (outcomeIsUnknown(error))
      throw await leaveOutcomeUnknown(deps, changeId, errorText('outcome.ipAuthorized', { ip: input.ip }), error);
    else if (sendsmsErrorOf(error, 'default-key-first-use')) throw await failChange(appErrorFromSendsms(error)!);
    else {
      const described = appErrorFromSendsms(error);
      // Not sendSMS's failure: a bug, for the 500 and the log (the change stays open, for the resolver to read back).
      if (!described) throw error;
      throw await failChange(described, upstreamStatusOf(error));
    }
  }

  const now = deps.now();
  await deps.prisma.$transaction(async (tx) => {
    await addKeyIp(tx, key, input.ip, 'WHITELISTED', now);
    await auditKeyEvent(tx, actor, origin, {
      ...audit,
      outcome: 'success',
      upstreamStatus: alreadyListed ? -512 : 0,
      params: { ...audit.params, alreadyListed },
    });
    await settleFromAnswer(
      tx,
      changeId,
      {
        state: 'SUCCEEDED',
        detail: alreadyListed ? 'The IP was already on the list.' : 'IP added.',
        upstreamStatus: alreadyListed ? -512 : 0,
      },
      now,
    );
  });
  const ips = (await selectKeyIps(deps.prisma, [key.id])).get(key.id) ?? [];
  return { lockedIps: ips.map((ip) => toLockedIpView(ip, key.kind)), alreadyListed };
}
