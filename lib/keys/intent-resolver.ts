import 'server-only';
import crypto from 'node:crypto';
import { z } from 'zod';
import { accountRefFor } from '@/lib/accounts/account-ref';
import { fingerprintSecret, secretFragment } from '@/lib/crypto';
import { appErrorFromSendsms } from '@/lib/errors/upstream-error';
import { loadAccount } from '@/lib/keys/access';
import { problemOfText } from '@/lib/keys/refresh-problem';
import { auditKeyEvent, type AuditActor } from '@/lib/keys/audit';
import type { RequestOrigin } from '@/lib/auth/request-meta';
import type { KeyServiceDeps } from '@/lib/keys/deps';
import { keyInUse, sealKeySecret } from '@/lib/keys/key-secret';
import {
  addKeyIp,
  adoptListedKey,
  insertKey,
  markKeyDeleted,
  selectKey,
  selectKeyRow,
  selectKeysByFingerprint,
  type Db,
} from '@/lib/keys/repository';
import {
  claimChanges,
  releaseChange,
  settleChange,
  type ChangeRecord,
  type Settlement,
} from '@/lib/keys/upstream-change-repository';
import type { ListedKey } from '@/lib/sendsms/actions';
import type { SendsmsClient, AccountRef } from '@/lib/sendsms/client';
import { listKeys } from '@/lib/sendsms/key-operations';
import { KeyKind, KeyUsageLabel } from '@/lib/generated/prisma/enums';

/**
 * Settles the changes sent to sendSMS whose outcome the dashboard never learnt (a process killed mid-call, an
 * answer lost to a timeout or garbled) by reading sendSMS back: token_list for generated and deleted keys,
 * token_list_ips for authorized addresses. Each is then written down as it really went, with the key or IP rows
 * that were missing, and audited naming the person who asked (params.resolvedAfterCheck). A key found made this way
 * had its secret shown to nobody: it is flagged (secretUnseenAt) and its page offers to delete it.
 *
 * A plain function, safe to run from several processes at once: each change is claimed for a lease (SKIP LOCKED)
 * and settled only by its claimant, in one transaction with its audit row. Its sendSMS calls go through the client,
 * so the account's budget holds; a change that cannot be decided now (sendSMS down, the budget spent) is released
 * for the next run, with the reason kept.
 */

/** Longer than any one call of a change may take (a three-step generate is three calls of SENDSMS_TIMEOUT_MS). */
export const OPEN_GRACE_MS = 2 * 60_000;
/** After a lost answer, the little while sendSMS may still be applying the change. */
export const UNKNOWN_GRACE_MS = 5_000;
const LEASE_MS = 5 * 60_000;
/** sendSMS's clock and ours may differ: a listed key created this long before the intent still matches it. */
const CLOCK_SKEW_MS = 5 * 60_000;

export interface ResolveOptions {
  accountId?: string;
  openGraceMs?: number;
  unknownGraceMs?: number;
  limit?: number;
}

export interface ResolveReport {
  claimed: number;
  succeeded: number;
  failed: number;
  /** Left for a later run: sendSMS could not be asked, or could not tell. */
  deferred: number;
  /** Settled by someone else between the claim and the write (the request's own answer came late). */
  skipped: number;
}

const generateParams = z.object({
  name: z.string(),
  kind: z.enum(KeyKind),
  usageLabel: z.enum(KeyUsageLabel),
});
const addIpParams = z.looseObject({ ip: z.string() });

class AlreadySettled extends Error {}

export async function resolveOpenIntents(deps: KeyServiceDeps, options: ResolveOptions = {}): Promise<ResolveReport> {
  const now = deps.now();
  const claimToken = crypto.randomUUID();
  const changes = await claimChanges(deps.prisma, {
    accountId: options.accountId,
    openBefore: new Date(now.getTime() - (options.openGraceMs ?? OPEN_GRACE_MS)),
    unknownBefore: new Date(now.getTime() - (options.unknownGraceMs ?? UNKNOWN_GRACE_MS)),
    claimToken,
    claimedUntil: new Date(now.getTime() + LEASE_MS),
    limit: options.limit ?? 50,
    now,
  });
  const report: ResolveReport = { claimed: changes.length, succeeded: 0, failed: 0, deferred: 0, skipped: 0 };
  for (const [accountId, accountChanges] of groupBy(changes, (change) => change.accountId)) {
    await new AccountResolution(deps, accountId, claimToken, report).run(accountChanges);
  }
  return report;
}

class AccountResolution {
  constructor(
    private readonly deps: KeyServiceDeps,
    private readonly accountId: string,
    private readonly claimToken: string,
    private readonly report: ResolveReport,
  ) {}

  async run(changes: ChangeRecord[]): Promise<void> {
    let client: SendsmsClient;
    let accountRef: AccountRef;
    try {
      const account = await loadAccount(this.deps, this.accountId);
      client = this.deps.clientFor(account.apiBaseUrl);
      accountRef = accountRefFor(account);
    } catch (error) {
      return this.deferAll(changes, describe(error));
    }

    const keyChanges = changes.filter((change) => change.action !== 'TOKEN_ADD_IP');
    if (keyChanges.length > 0) {
      let listed: ListedKey[] | null = null;
      try {
        const listing = await listKeys(client, accountRef);
        if (listing.reported) listed = listing.keys;
        else
          await this.deferAll(
            keyChanges,
            'sendSMS cannot list this account’s keys (no token_list): check the hub, Account > API Keys.',
          );
      } catch (error) {
        await this.deferAll(keyChanges, describe(error));
      }
      if (listed) {
        await this.settleGenerated(
          keyChanges.filter((change) => change.action === 'TOKEN_GENERATE'),
          listed,
        );
        for (const change of keyChanges.filter((candidate) => candidate.action === 'TOKEN_DELETE'))
          await this.settleDeleted(change, listed);
      }
    }

    let stop: string | null = null;
    for (const [keyId, keyIpChanges] of groupBy(
      changes.filter((change) => change.action === 'TOKEN_ADD_IP'),
      (change) => change.keyId ?? '',
    )) {
      if (stop) await this.deferAll(keyIpChanges, stop);
      else stop = await this.settleAddedIps(keyId, keyIpChanges, client, accountRef);
    }
  }

  /**
   * A generate intent succeeded if sendSMS lists a key of that name, created after it, that the registry does not
   * hold, or holds only as "listed" by a refresh that could not know who made it. Intents and keys of one name are
   * paired oldest first, so a burst of same-named keys is counted right.
   */
  private async settleGenerated(changes: ChangeRecord[], listed: readonly ListedKey[]): Promise<void> {
    if (changes.length === 0) return;
    const known = await selectKeysByFingerprint(this.deps.prisma, this.accountId);
    const candidates = listed
      .filter((entry): entry is ListedKey & { secret: string } => entry.secret !== null)
      .map((entry) => ({
        entry,
        fingerprint: fingerprintSecret(entry.secret),
        row: known.get(fingerprintSecret(entry.secret)) ?? null,
      }))
      .filter(
        (candidate) =>
          candidate.row === null || (candidate.row.origin === 'LISTED' && candidate.row.deletedAt === null),
      )
      .sort((a, b) => (a.entry.createdAt?.getTime() ?? 0) - (b.entry.createdAt?.getTime() ?? 0));

    for (const change of changes) {
      const params = generateParams.safeParse(change.params);
      if (!params.success) {
        await this.defer(change, 'The intent’s parameters could not be read.');
        continue;
      }
      const { name, kind, usageLabel } = params.data;
      const madeSince = (entry: ListedKey) =>
        entry.name === name &&
        (entry.createdAt === null || entry.createdAt.getTime() >= change.createdAt.getTime() - CLOCK_SKEW_MS);
      const index = candidates.findIndex(({ entry }) => madeSince(entry));
      const actorParams = { ...params.data, resolvedAfterCheck: true };
      if (index === -1 && listed.some((entry) => entry.secret === null && madeSince(entry))) {
        // Listed without its secret: it may be this key, but the dashboard could neither hold nor act on it.
        await this.defer(
          change,
          `sendSMS lists a key named "${name}" without its secret: check it on the hub, Account > API Keys.`,
        );
        continue;
      }
      if (index === -1) {
        await this.settle(
          change,
          {
            state: 'FAILED',
            detail: `sendSMS has no key named "${name}" made since it was asked for: it was not made.`,
          },
          (tx) =>
            auditKeyEvent(tx, actorOf(change), originOf(change), {
              accountId: this.accountId,
              action: 'key.generate',
              outcome: 'failure',
              params: { ...actorParams, reason: 'not found at sendSMS' },
            }),
        );
        continue;
      }
      const [{ entry, fingerprint, row }] = candidates.splice(index, 1) as [(typeof candidates)[number]];
      const at = this.deps.now();
      await this.settle(
        change,
        {
          state: 'SUCCEEDED',
          detail: `sendSMS made the key "${name}", but its secret was shown to nobody: treat it as compromised.`,
          upstreamStatus: 0,
        },
        async (tx) => {
          const key = row
            ? await adoptListedKey(tx, row.id, { name, usageLabel, secretUnseenAt: at })
            : await insertKey(tx, {
                accountId: this.accountId,
                name,
                kind: entry.kind ?? kind,
                usageLabel,
                fragment: secretFragment(entry.secret),
                secretFingerprint: fingerprint,
                secretCiphertext: sealKeySecret(entry.secret, this.deps.credentialsKey),
                origin: 'GENERATED',
                upstreamName: entry.name,
                createdAt: entry.createdAt ?? change.createdAt,
                secretUnseenAt: at,
              });
          await auditKeyEvent(tx, actorOf(change), originOf(change), {
            accountId: this.accountId,
            keyId: key.id,
            action: 'key.generate',
            outcome: 'success',
            upstreamStatus: 0,
            params: { ...actorParams, shownToNobody: true },
          });
          return key.id;
        },
      );
    }
  }

  /** A delete intent succeeded if sendSMS no longer lists the key. */
  private async settleDeleted(change: ChangeRecord, listed: readonly ListedKey[]): Promise<void> {
    const key = change.keyId ? await selectKeyRow(this.deps.prisma, change.keyId) : null;
    if (!key) return this.defer(change, 'The key is no longer in the registry.');
    if (listed.some((entry) => entry.secret === null))
      return this.defer(change, 'sendSMS lists keys without their secrets here: the key cannot be told apart.');
    const stillThere = listed.some(
      (entry) => entry.secret !== null && fingerprintSecret(entry.secret) === key.secretFingerprint,
    );
    const audit = {
      accountId: this.accountId,
      keyId: key.id,
      action: 'key.delete',
      params: { name: key.name, resolvedAfterCheck: true },
    };
    if (stillThere) {
      await this.settle(change, { state: 'FAILED', detail: 'sendSMS still has the key: it was not deleted.' }, (tx) =>
        auditKeyEvent(tx, actorOf(change), originOf(change), {
          ...audit,
          outcome: 'failure',
          params: { ...audit.params, reason: 'still at sendSMS' },
        }),
      );
      return;
    }
    await this.settle(
      change,
      { state: 'SUCCEEDED', detail: 'sendSMS no longer has the key: it was deleted.', upstreamStatus: 0 },
      async (tx) => {
        if (!key.deletedAt) await markKeyDeleted(tx, key.id, this.deps.now());
        await auditKeyEvent(tx, actorOf(change), originOf(change), {
          ...audit,
          outcome: 'success',
          params: { ...audit.params, revokedUpstream: true },
        });
      },
    );
  }

  /**
   * An IP intent succeeded if the key's token_list_ips names the address. One read per key, in the account form
   * (never the key itself, so no Default key locks to this server). Returns a reason to stop asking sendSMS.
   */
  private async settleAddedIps(
    keyId: string,
    changes: ChangeRecord[],
    client: SendsmsClient,
    accountRef: AccountRef,
  ): Promise<string | null> {
    const key = keyId ? await selectKey(this.deps.prisma, this.accountId, keyId) : null;
    const inUse = key ? keyInUse(key, this.deps.credentialsKey) : null;
    if (!key || !inUse) {
      for (const change of changes) {
        await this.settle(
          change,
          {
            state: 'FAILED',
            detail: 'The key was deleted, or its secret is no longer held: the address cannot be checked.',
          },
          (tx) =>
            auditKeyEvent(tx, actorOf(change), originOf(change), {
              accountId: this.accountId,
              keyId,
              action: 'ip.authorize',
              outcome: 'failure',
              params: { ...paramsOf(change), resolvedAfterCheck: true, reason: 'key gone' },
            }),
        );
      }
      return null;
    }
    let listedAddresses: Set<string>;
    try {
      const answer = await client.call('token_list_ips', { account: accountRef, key: inUse });
      listedAddresses = new Set(answer.details.map((ip) => ip.address.toLowerCase()));
    } catch (error) {
      await this.deferAll(changes, describe(error));
      const kind = (error as { kind?: unknown }).kind;
      // The budget spent or sendSMS down: the other keys wait too. A refusal about this key does not stop them.
      return kind === 'status' || kind === 'default-key-first-use' ? null : describe(error);
    }
    for (const change of changes) {
      const params = addIpParams.safeParse(change.params);
      if (!params.success) {
        await this.defer(change, 'The intent’s parameters could not be read.');
        continue;
      }
      const ip = params.data.ip;
      const audit = {
        accountId: this.accountId,
        keyId,
        action: 'ip.authorize',
        params: { ...params.data, resolvedAfterCheck: true },
      };
      if (listedAddresses.has(ip.toLowerCase())) {
        await this.settle(
          change,
          { state: 'SUCCEEDED', detail: `sendSMS lists ${ip} for the key: it was authorized.`, upstreamStatus: 0 },
          async (tx) => {
            await addKeyIp(tx, key, ip, 'WHITELISTED', this.deps.now());
            await auditKeyEvent(tx, actorOf(change), originOf(change), {
              ...audit,
              outcome: 'success',
              upstreamStatus: 0,
            });
          },
        );
      } else {
        await this.settle(
          change,
          { state: 'FAILED', detail: `sendSMS does not list ${ip} for the key: it was not authorized.` },
          (tx) =>
            auditKeyEvent(tx, actorOf(change), originOf(change), {
              ...audit,
              outcome: 'failure',
              params: { ...audit.params, reason: 'not listed at sendSMS' },
            }),
        );
      }
    }
    return null;
  }

  /** Writes the change's outcome, its rows and its audit row together, if the change is still this run's to settle. */
  private async settle(
    change: ChangeRecord,
    settlement: Omit<Settlement, 'resolvedBy'>,
    write: (tx: Db) => Promise<string | void>,
  ): Promise<void> {
    try {
      await this.deps.prisma.$transaction(async (tx) => {
        const keyId = await write(tx);
        const settled = await settleChange(
          tx,
          change.id,
          { ...settlement, resolvedBy: 'read-back', ...(typeof keyId === 'string' ? { keyId } : {}) },
          this.deps.now(),
          this.claimToken,
        );
        if (!settled) throw new AlreadySettled();
      });
      if (settlement.state === 'SUCCEEDED') this.report.succeeded += 1;
      else this.report.failed += 1;
    } catch (error) {
      if (error instanceof AlreadySettled) this.report.skipped += 1;
      else await this.defer(change, describe(error));
    }
  }

  private async defer(change: ChangeRecord, problem: string): Promise<void> {
    await releaseChange(this.deps.prisma, change.id, this.claimToken, problem);
    this.report.deferred += 1;
  }

  private async deferAll(changes: readonly ChangeRecord[], problem: string): Promise<void> {
    for (const change of changes) await this.defer(change, problem);
  }
}

function actorOf(change: ChangeRecord): AuditActor | null {
  return change.actorId && change.actorEmail && change.actorRole
    ? { id: change.actorId, email: change.actorEmail, role: change.actorRole }
    : null;
}

function originOf(change: ChangeRecord): RequestOrigin {
  return { sourceIp: change.sourceIp, userAgent: change.userAgent };
}

function paramsOf(change: ChangeRecord): Record<string, unknown> {
  return change.params && typeof change.params === 'object' && !Array.isArray(change.params) ? change.params : {};
}

function groupBy<T>(items: readonly T[], keyOf: (item: T) => string): Map<string, T[]> {
  const groups = new Map<string, T[]>();
  for (const item of items) groups.set(keyOf(item), [...(groups.get(keyOf(item)) ?? []), item]);
  return groups;
}

/**
 * Why a read-back could not decide, as kept on the change (a text column): a sendSMS failure as the sentence the
 * dashboard says for it in English, which lib/keys/refresh-problem.ts reads back into its condition for the page to
 * word in the reader's language; anything else as its own message.
 */
function describe(error: unknown): string {
  const described = appErrorFromSendsms(error);
  if (described) return problemOfText(described.text).message;
  return error instanceof Error ? error.message : String(error);
}
