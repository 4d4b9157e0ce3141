import 'server-only';
import { deniedReason, visibleAccountIds } from '@/lib/auth/permissions';
import type { SessionUser } from '@/lib/auth/session-user';
import type { DatabaseDeps } from '@/lib/db/deps';
import { builderRequest } from '@/lib/request-builder/catalogue';
import { selectNames, selectRequestRuns } from '@/lib/request-builder/repository';
import { isRunFailure, type RunFailure } from '@/lib/request-builder/run-failure';

/**
 * The requests made in the builder, newest first, read from the audit log (`request.run` rows), failed runs
 * included: who, when, which request and key, the result (sendSMS's status, or why there is none), and what is
 * needed to run it again, with why this user may not when they may not (the permission table decides). Only for
 * accounts the user may see.
 */

export interface BuilderHistoryEntry {
  id: string;
  occurredAt: string;
  actorEmail: string | null;
  accountId: string;
  /** Null when the account is no longer on the dashboard (the page words "a removed account"). */
  accountLabel: string | null;
  keyId: string | null;
  /** Null for a request without a key, or when the key is gone (`keyId` set: the page words "a removed key"). */
  keyName: string | null;
  action: string;
  /** The request's parameters as recorded (builder parameters are addresses only): what "Run again" sends. */
  params: Record<string, string>;
  /** How a key request was sent; null for requests without a key. */
  sendAs: 'account' | 'key' | null;
  outcome: string;
  upstreamStatus: number | null;
  /** Why a failed run has no status (timed out, refused by the budget…); null otherwise. */
  failure: RunFailure | null;
  /** Why this user may not run it again (a request that changes a key, for a read-only role); null when they may. */
  runAgainDenied: string | null;
}

/** What a `request.run` row keeps beside the request's parameters: never sent again as parameters. */
const RUN_DETAILS = new Set(['sendAs', 'failure', 'outcome']);

export async function builderHistory(
  deps: DatabaseDeps,
  actor: SessionUser,
  limit = 20,
): Promise<BuilderHistoryEntry[]> {
  const events = await selectRequestRuns(deps.prisma, visibleAccountIds(actor), limit);
  const accountIds = [...new Set(events.map((event) => event.accountId).filter((id): id is string => id !== null))];
  const keyIds = [...new Set(events.map((event) => event.keyId).filter((id): id is string => id !== null))];
  const { accountLabels, keyNames } = await selectNames(deps.prisma, { accountIds, keyIds });

  return events.map((event) => {
    const { request, ...recorded } = (event.params ?? {}) as Record<string, unknown>;
    const action = typeof request === 'string' ? request : 'unknown';
    const offered = builderRequest(action);
    const accountId = event.accountId ?? '';
    return {
      id: event.id.toString(),
      occurredAt: event.occurredAt.toISOString(),
      actorEmail: event.actorEmail,
      accountId,
      accountLabel: accountLabels.get(event.accountId ?? '') ?? null,
      keyId: event.keyId,
      keyName: event.keyId ? (keyNames.get(event.keyId) ?? null) : null,
      action,
      params: Object.fromEntries(
        Object.entries(recorded).filter(
          (entry): entry is [string, string] =>
            typeof entry[1] === 'string' &&
            (offered
              ? offered.parameters.some((parameter) => parameter.name === entry[0])
              : !RUN_DETAILS.has(entry[0])),
        ),
      ),
      sendAs: recorded.sendAs === 'key' || recorded.sendAs === 'account' ? recorded.sendAs : null,
      outcome: event.outcome,
      upstreamStatus: event.upstreamStatus,
      // Rows from before `failure` was kept marked an unknown outcome as `outcome: 'unknown'`.
      failure: isRunFailure(recorded.failure)
        ? recorded.failure
        : recorded.outcome === 'unknown'
          ? 'outcome-unknown'
          : null,
      // A request the builder does not offer (any more) is taken as one that changes a key: the safe side.
      runAgainDenied: deniedReason(actor, offered?.permission ?? 'requests.write', accountId),
    };
  });
}
