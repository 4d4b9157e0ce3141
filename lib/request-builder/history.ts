import 'server-only';
import { visibleAccountIds } from '@/lib/auth/permissions';
import type { SessionUser } from '@/lib/auth/session-user';
import type { DatabaseDeps } from '@/lib/db/deps';
import { selectNames, selectRequestRuns } from '@/lib/request-builder/repository';

/**
 * The requests made in the builder, newest first, read from the audit log (`request.run` rows): who, when, which
 * request and key, the result, and what is needed to run it again. Only for accounts the user may see.
 */

export interface BuilderHistoryEntry {
  id: string;
  occurredAt: string;
  actorEmail: string | null;
  accountId: string;
  accountLabel: string;
  keyId: string | null;
  keyName: string | null;
  action: string;
  /** The parameters as recorded (secrets masked; builder parameters are addresses only). */
  params: Record<string, string>;
  outcome: string;
  upstreamStatus: number | null;
}

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
    const { request, ...params } = (event.params ?? {}) as Record<string, unknown>;
    return {
      id: event.id.toString(),
      occurredAt: event.occurredAt.toISOString(),
      actorEmail: event.actorEmail,
      accountId: event.accountId ?? '',
      accountLabel: accountLabels.get(event.accountId ?? '') ?? 'a removed account',
      keyId: event.keyId,
      keyName: event.keyId ? (keyNames.get(event.keyId) ?? 'a removed key') : null,
      action: typeof request === 'string' ? request : 'unknown',
      params: Object.fromEntries(
        Object.entries(params).filter((entry): entry is [string, string] => typeof entry[1] === 'string'),
      ),
      outcome: event.outcome,
      upstreamStatus: event.upstreamStatus,
    };
  });
}
