import 'server-only';
import type { SessionUser } from '@/lib/auth/session-user';
import { accountRefFor } from '@/lib/accounts/account-ref';
import { fingerprintSecret, secretFragment } from '@/lib/crypto';
import { assertAllowed, loadAccount, loadKey } from '@/lib/keys/access';
import { auditKeyEvent } from '@/lib/keys/audit';
import type { RequestOrigin } from '@/lib/auth/request-meta';
import { runSingleRefresh } from '@/lib/keys/background-refresh';
import type { KeyServiceDeps } from '@/lib/keys/deps';
import { resolveOpenIntents } from '@/lib/keys/intent-resolver';
import { keyInUse, sealKeySecret } from '@/lib/keys/key-secret';
import { markCollectionStarted, recordCollectionOutcome } from '@/lib/keys/collection-state';
import { problemOfText } from '@/lib/keys/refresh-problem';
import {
  insertKey,
  mergeKeyIps,
  recordListedUsage,
  selectKey,
  selectKeysDueForIps,
  selectLiveKeys,
  type KeyRecord,
} from '@/lib/keys/repository';
import type { RefreshProblem, RefreshProgress } from '@/lib/keys/types';
import type { ListedKey } from '@/lib/sendsms/actions';
import { isSendsmsError, sendsmsErrorOf, upstreamStatusOf } from '@/lib/sendsms/errors';
import { listKeys } from '@/lib/sendsms/key-operations';
import { appErrorFromSendsms } from '@/lib/errors/upstream-error';

/**
 * Brings the registry up to date with sendSMS, within the budget of non-billable calls a minute per account:
 *   1. usage: one token_list call (where the account has it) gives every key's last use, use count and, as this
 *      dashboard reads it, refused calls; each reported count becomes a UsageSnapshot for the chart. Without
 *      token_list the registry stands as it is and usage stays "not reported by the API".
 *   2. IP lists: token_list_ips for the keys whose list is oldest (or the one key asked for), one call each, in
 *      the account form (never the key itself, so no Default key is ever locked to this server), until the
 *      budget says no; the rest wait for the next refresh.
 * When sendSMS is down or refuses, nothing cached is touched: the failure is written to the audit log, which is
 * where the page learns that it shows the last known state and why. Changes whose answer was lost are settled
 * first (intent-resolver.ts), so that a key one made is written down as made by the person who asked before the
 * listing would add it as "listed" with nobody named.
 */

export const IP_REFRESH_AFTER_MS = 10 * 60_000;
/** At most this many IP lists per refresh: a 10,000-key account is covered over many refreshes, not one. */
export const MAX_IP_FETCHES_PER_REFRESH = 50;

export interface RefreshOptions {
  trigger: 'manual' | 'background';
  /** Fetch this key's IP list now, whatever its age. */
  keyId?: string;
  origin?: RequestOrigin;
  /** Ask token_list for the usage (default); a collection that only continues deferred IP lists does not. */
  usage?: boolean;
  /** The scheduled collection (job) doing this refresh: a retry of it writes each snapshot once. */
  collectionId?: string;
  /** Told of each step as it starts and of each IP list as it is done, for a person watching (the Refresh button). */
  onProgress?: (progress: RefreshProgress) => void;
}

export interface RefreshReport {
  /** deferred: the budget had no call for token_list; skipped: not asked (options.usage false). */
  usage: 'fetched' | 'not-reported' | 'failed' | 'deferred' | 'skipped';
  ipsFetched: number;
  ipsDeferred: number;
  /**
   * When IP lists were deferred: the calls a minute that deferred them, for the page to say (SENDSMS_BUDGET_PER_MINUTE,
   * or the background's share of it for a background refresh).
   */
  budgetPerMinute: number | null;
  /** When IP lists were deferred: how long until the budget has a call again. */
  retryAfterMs: number | null;
  /** Work was left (deferred by the budget, or more due than one refresh takes): continue after this long. */
  continueAfterMs: number | null;
  /** Each with its English `message` (what the audit log and the collection keep) and its condition, as data. */
  problems: (RefreshProblem & { message: string })[];
}

export async function refreshAccountKeys(
  deps: KeyServiceDeps,
  actor: SessionUser | null,
  accountId: string,
  options: RefreshOptions,
): Promise<RefreshReport> {
  if (actor) assertAllowed(actor, 'keys.read', accountId);
  // The key must be one of the account's: a key id taken from another account is unknown here, and nothing is
  // written to its trail (the permission was checked against the account in the URL, not the key's).
  if (options.keyId !== undefined) await loadKey(deps, accountId, options.keyId);
  // One refresh per account at a time; a second asker waits for the first one's answer.
  return runSingleRefresh(accountId, () => refreshNow(deps, actor, accountId, options));
}

async function refreshNow(
  deps: KeyServiceDeps,
  actor: SessionUser | null,
  accountId: string,
  options: RefreshOptions,
): Promise<RefreshReport> {
  const account = await loadAccount(deps, accountId);
  // Background refreshes spend only their share of the budget: the rest stays for the people using the account.
  const clientFor = options.trigger === 'background' ? (deps.backgroundClientFor ?? deps.clientFor) : deps.clientFor;
  const client = clientFor(account.apiBaseUrl);
  const accountRef = accountRefFor(account);
  const report: RefreshReport = {
    usage: 'failed',
    ipsFetched: 0,
    ipsDeferred: 0,
    budgetPerMinute: null,
    retryAfterMs: null,
    continueAfterMs: null,
    problems: [],
  };
  await markCollectionStarted(deps.prisma, accountId, deps.now());
  const progress = (step: RefreshProgress['step'], done: number, total: number) =>
    options.onProgress?.({ step, done, total });
  let upstreamStatus: number | null = null;
  let upstreamDown = false;
  // Costs sendSMS calls only when a change of this account is waiting to be settled. Its failure is its own to
  // record (the change stays open, with the reason); the refresh goes on.
  await resolveOpenIntents(deps, { accountId }).catch(() => undefined);

  const problem = (part: RefreshProblem['part'], error: unknown) => {
    const described = appErrorFromSendsms(error);
    if (!described) throw error;
    upstreamStatus = upstreamStatusOf(error) ?? upstreamStatus;
    // Busy or throttled: asking again for every key would only spend the budget.
    upstreamDown ||= described.code === 'upstream-unavailable' || described.code === 'rate-limited';
    report.problems.push({
      part,
      at: deps.now().toISOString(),
      // What failed as data for the page (and its English, which the audit log and the collection keep).
      ...problemOfText(described.text),
      upstreamStatus: upstreamStatusOf(error),
      ...(sendsmsErrorOf(error, 'budget') ? { budget: true } : {}),
    });
  };

  const askUsage = options.usage ?? true;
  if (askUsage) {
    progress('usage', 0, 1);
    try {
      const listing = await listKeys(client, accountRef);
      if (listing.reported) {
        await applyListing(deps, accountId, listing.keys, options.collectionId ?? null);
        report.usage = 'fetched';
      } else report.usage = 'not-reported';
    } catch (error) {
      const budget = sendsmsErrorOf(error, 'budget');
      if (budget) {
        report.budgetPerMinute = budget.perMinute;
        report.retryAfterMs = budget.retryAfterMs;
      }
      // A person is told; for the collection a spent budget (by people, or another process) is no failure: it comes
      // back for the usage when the budget frees.
      if (budget && options.trigger === 'background') {
        report.usage = 'deferred';
        upstreamDown = true;
      } else problem('usage', error);
    }
  } else report.usage = 'skipped';

  // A sendSMS that is down now is not asked again for every key.
  if (!upstreamDown) {
    const due = options.keyId
      ? [await selectKey(deps.prisma, accountId, options.keyId)].filter((key): key is KeyRecord => key !== null)
      : await selectKeysDueForIps(deps.prisma, accountId, {
          now: deps.now(),
          fetchedBefore: new Date(deps.now().getTime() - IP_REFRESH_AFTER_MS),
          limit: MAX_IP_FETCHES_PER_REFRESH,
        });
    progress('ips', 0, due.length);
    for (const [index, key] of due.entries()) {
      const inUse = keyInUse(key, deps.credentialsKey);
      if (!inUse) {
        progress('ips', index + 1, due.length);
        continue;
      }
      try {
        const answer = await client.call('token_list_ips', { account: accountRef, key: inUse });
        const at = deps.now();
        await deps.prisma.$transaction((tx) => mergeKeyIps(tx, key, answer.details, at, { authoritative: true }));
        report.ipsFetched += 1;
        progress('ips', index + 1, due.length);
      } catch (error) {
        const kind = isSendsmsError(error) ? error.kind : null;
        const budget = sendsmsErrorOf(error, 'budget');
        if (budget) {
          report.ipsDeferred = due.length - index;
          report.budgetPerMinute = budget.perMinute;
          report.retryAfterMs = budget.retryAfterMs;
          break;
        }
        progress('ips', index + 1, due.length);
        // Only the key form could ask, and it would lock this never-used Default key here: skip, never silently.
        if (kind === 'default-key-first-use') continue;
        problem('ips', error);
        // A refusal about one key (-8: sendSMS no longer knows it) does not stop the others; a fault does.
        if (kind !== 'status' || upstreamDown) break;
      }
    }
  }

  const failed = report.problems.length > 0;
  const first = report.problems[0];
  // A spent budget is not sendSMS failing: it does not start a back-off.
  const failure = report.problems.find((problem) => !problem.budget);
  // Work left for the budget: come back when it frees (a full list of due keys may hide more behind it).
  if (report.ipsDeferred > 0 || report.usage === 'deferred' || report.ipsFetched >= MAX_IP_FETCHES_PER_REFRESH)
    report.continueAfterMs = report.retryAfterMs ?? 0;
  await recordCollectionOutcome(deps.prisma, accountId, {
    at: deps.now(),
    usageAnswered: report.usage === 'fetched' || report.usage === 'not-reported',
    problem: failure ? { message: failure.message, upstreamStatus: failure.upstreamStatus } : null,
    continueAfterMs: report.continueAfterMs,
  });
  if (failed || options.trigger === 'manual') {
    await auditKeyEvent(deps.prisma, actor, options.origin ?? {}, {
      accountId,
      keyId: options.keyId ?? null,
      action: 'keys.refresh',
      outcome: failed ? 'failure' : 'success',
      upstreamStatus,
      params: {
        trigger: options.trigger,
        usage: report.usage,
        ipsFetched: report.ipsFetched,
        ipsDeferred: report.ipsDeferred,
        ...(first ? { part: first.part, message: first.message } : {}),
      },
    });
  }
  return report;
}

/** token_list's answer into the registry: known keys updated, keys made on the hub added, nothing removed. */
async function applyListing(
  deps: KeyServiceDeps,
  accountId: string,
  listed: readonly ListedKey[],
  collectionId: string | null,
): Promise<void> {
  const live = await selectLiveKeys(deps.prisma, accountId);
  const byFingerprint = new Map(live.map((key) => [key.secretFingerprint, key]));
  const byName = new Map<string, KeyRecord | null>();
  for (const key of live) {
    for (const name of new Set([key.upstreamName, key.name])) {
      // A name two keys share identifies neither.
      if (name) byName.set(name, byName.has(name) ? null : key);
    }
  }
  const at = deps.now();
  for (const entry of listed) {
    const fingerprint = entry.secret ? fingerprintSecret(entry.secret) : null;
    let key = fingerprint ? byFingerprint.get(fingerprint) : (byName.get(entry.name) ?? undefined);
    await deps.prisma.$transaction(async (tx) => {
      if (!key) {
        // Without its secret a key cannot be told apart from another of the same name, nor acted on: not added.
        if (!entry.secret || !fingerprint) return;
        // It may be a key deleted here: sendSMS still has it (no token_delete), so leave it deleted.
        const deleted = await tx.apiKey.findUnique({
          where: { accountId_secretFingerprint: { accountId, secretFingerprint: fingerprint } },
          select: { id: true },
        });
        if (deleted) return;
        key = await insertKey(tx, {
          accountId,
          name: entry.name,
          kind: entry.kind ?? 'DEFAULT',
          usageLabel: entry.kind ?? 'DEFAULT',
          fragment: secretFragment(entry.secret),
          secretFingerprint: fingerprint,
          secretCiphertext: sealKeySecret(entry.secret, deps.credentialsKey),
          origin: 'LISTED',
          upstreamName: entry.name,
          createdAt: entry.createdAt ?? at,
        });
      }
      await recordListedUsage(
        tx,
        { keyId: key.id, accountId },
        { ...entry, upstreamName: entry.name },
        at,
        collectionId,
      );
      if (entry.lockedIps.length > 0) await mergeKeyIps(tx, key, entry.lockedIps, at, { authoritative: false });
    });
  }
}
