import type { AppError } from '@/lib/errors/app-error';
import type { SessionUser } from '@/lib/auth/session-user';
import type { UpstreamChangeAction } from '@/lib/generated/prisma/enums';
import type { RequestOrigin } from '@/lib/auth/request-meta';
import type { KeyServiceDeps } from '@/lib/keys/deps';
import type { LocalizedText } from '@/lib/errors/text/localized-text';
import { outcomeUnknown, outcomeUnknownMessage } from '@/lib/keys/outcome-unknown';
import type { Db } from '@/lib/keys/repository';
import { upstreamStatusOf } from '@/lib/sendsms/errors';
import { insertChange, markChangeUnknown, settleChange, type Settlement } from '@/lib/keys/upstream-change-repository';

/**
 * The bookkeeping around a change sent to sendSMS. Before the call, the intent (who, what, which account and key)
 * is committed on its own, so that a process killed mid-call leaves a record to settle; after it, the intent is
 * settled in the transaction that writes the change's audit row (and its key rows), so that the two never disagree.
 */

export interface Intent {
  accountId: string;
  keyId?: string | null;
  action: UpstreamChangeAction;
  /** Secrets masked: never a key secret. */
  params: Record<string, unknown>;
}

/** Commits the intent; the call may go once this returns. */
export async function recordIntent(
  deps: Pick<KeyServiceDeps, 'prisma' | 'now'>,
  actor: SessionUser,
  origin: RequestOrigin,
  intent: Intent,
): Promise<string> {
  const change = await insertChange(
    deps.prisma,
    {
      accountId: intent.accountId,
      keyId: intent.keyId ?? null,
      action: intent.action,
      params: intent.params,
      actor: { id: actor.id, email: actor.email, role: actor.role },
      sourceIp: origin.sourceIp ?? null,
      userAgent: origin.userAgent ?? null,
    },
    deps.now(),
  );
  return change.id;
}

/** Settles the intent from sendSMS's own answer; call inside the transaction that writes the audit row. */
export async function settleFromAnswer(
  tx: Db,
  changeId: string,
  settlement: Omit<Settlement, 'resolvedBy'>,
  at: Date,
): Promise<void> {
  // False only if a resolver settled it first, from sendSMS's own record: that outcome stands.
  await settleChange(tx, changeId, { ...settlement, resolvedBy: 'answer' }, at);
}

/**
 * sendSMS refused the change, or it never left: the intent is settled as failed, with the failure's audit row
 * (written by `writeAudit`, given sendSMS's status) in the same transaction.
 */
export async function settleAsFailed(
  deps: Pick<KeyServiceDeps, 'prisma' | 'now'>,
  changeId: string,
  error: unknown,
  writeAudit: (tx: Db, upstreamStatus: number | null) => Promise<unknown>,
): Promise<void> {
  const upstreamStatus = upstreamStatusOf(error);
  const detail = error instanceof Error ? error.message : String(error);
  await deps.prisma.$transaction(async (tx) => {
    await settleFromAnswer(tx, changeId, { state: 'FAILED', detail, upstreamStatus }, deps.now());
    await writeAudit(tx, upstreamStatus);
  });
}

/** No answer to trust came back: the intent stays to be read back, and the caller answers with this error. */
export async function leaveOutcomeUnknown(
  deps: Pick<KeyServiceDeps, 'prisma'>,
  changeId: string,
  /** What may have happened ("the key … was made"), as the sentence says it. */
  what: LocalizedText,
  error: unknown,
): Promise<AppError> {
  await markChangeUnknown(
    deps.prisma,
    changeId,
    `No clear answer: ${error instanceof Error ? error.message : String(error)}`.slice(0, 500),
  );
  return outcomeUnknown(changeId, outcomeUnknownMessage(what));
}
