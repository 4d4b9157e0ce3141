import 'server-only';
import type { Locale } from '@/i18n/locales';
import { deniedSentence } from '@/lib/auth/denied-text';
import type { SessionUser } from '@/lib/auth/session-user';
import { assertAllowed, loadAccount, loadKey } from '@/lib/keys/access';
import { accountCapability } from '@/lib/keys/capabilities';
import type { KeyServiceDeps } from '@/lib/keys/deps';
import { accountFreshness, toFreshnessView } from '@/lib/keys/freshness';
import { IDLE_DAYS } from '@/lib/keys/list-query';
import { pendingChanges } from '@/lib/keys/pending-changes';
import { selectKeyRefusals } from '@/lib/keys/refusal-record';
import { markKeyWatched, selectKeyAuditTrail, selectKeyIps } from '@/lib/keys/repository';
import { createLogger, describeError } from '@/lib/log';
import type { KeyDetailView } from '@/lib/keys/types';
import { toKeyRowView } from '@/lib/keys/views';

/**
 * One key's page: its Locked On IP list, its audit trail, and what deleting it would cut off (its uses over time are
 * lib/usage's, the same series /usage shows). Reading it marks the key as being looked at (KeyWatch), so that the
 * collection fetches its IP list before the others' while the page is open (it polls).
 */

const DAY = 86_400_000;
const AUDIT_TRAIL_LENGTH = 50;
const REFUSED_ADDRESSES_SHOWN = 50;
const log = createLogger('keys');

export async function getKeyDetail(
  deps: KeyServiceDeps,
  actor: SessionUser,
  accountId: string,
  keyId: string,
  /** The reader's language, for the one sentence the view carries (why the audit trail is not shown). */
  locale: Locale = 'en',
): Promise<KeyDetailView> {
  assertAllowed(actor, 'keys.read', accountId);
  const now = deps.now();
  const [account, key] = await Promise.all([loadAccount(deps, accountId), loadKey(deps, accountId, keyId)]);
  const auditDeniedReason = deniedSentence(actor, 'audit.read', locale, accountId);
  const [ips, trail, freshness, pending, refusals] = await Promise.all([
    selectKeyIps(deps.prisma, [key.id]),
    auditDeniedReason ? Promise.resolve(null) : selectKeyAuditTrail(deps.prisma, accountId, key.id, AUDIT_TRAIL_LENGTH),
    accountFreshness(deps.prisma, accountId, {
      usageReported: accountCapability(account.capabilities, 'token_list') !== 'unsupported',
      now,
    }),
    pendingChanges(deps.prisma, accountId, { keyId: key.id, showRequester: auditDeniedReason === null }),
    selectKeyRefusals(deps.prisma, key.id, REFUSED_ADDRESSES_SHOWN),
    // Scheduling only: a failure to note it must not cost the person their page.
    markKeyWatched(deps.prisma, key.id, now).catch((error: unknown) =>
      log.warn(`could not mark key ${key.id} as watched: ${describeError(error)}`),
    ),
  ]);
  const inUse =
    key.lastUsedAt && now.getTime() - key.lastUsedAt.getTime() < IDLE_DAYS * DAY
      ? { lastUsedAt: key.lastUsedAt.toISOString(), useCount: key.useCount }
      : null;
  return {
    accountId,
    accountLabel: account.label,
    key: toKeyRowView(key, ips.get(key.id) ?? [], now),
    auditTrail:
      trail?.map((event) => ({
        id: event.id.toString(),
        occurredAt: event.occurredAt.toISOString(),
        actorEmail: event.actorEmail,
        actorRole: event.actorRole,
        action: event.action,
        outcome: event.outcome,
        upstreamStatus: event.upstreamStatus,
        params: (event.params ?? {}) as Record<string, unknown>,
      })) ?? null,
    auditDeniedReason,
    inUse,
    deleteUpstream: key.secretCiphertext ? accountCapability(account.capabilities, 'token_delete') : 'unsupported',
    freshness: toFreshnessView(freshness),
    pendingChanges: pending,
    refusedCalls:
      refusals.length === 0 && key.refusedCount === null
        ? null
        : refusals.map((refusal) => ({
            address: refusal.address,
            firstAt: refusal.firstAt.toISOString(),
            lastAt: refusal.lastAt.toISOString(),
            count: refusal.count,
          })),
  };
}
