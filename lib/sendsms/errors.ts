import { errorText, inBothLanguages, statusText, type LocalizedText } from '@/lib/errors/text/localized-text';
import { describeStatus, type StatusCodeName, type StatusExplanation } from '@/lib/sendsms/status-codes';

/**
 * What can go wrong talking to sendSMS, as types the dashboard can act on. Every error carries what it means as a
 * message key (`text`: the `status` messages for a status, the `errors` messages' upstream.* otherwise), said in the
 * reader's language when it is answered, and that meaning in English and Romanian (`explanation`) for what shows
 * both. Messages and kept bodies are built from redacted text only: the client redacts before constructing any of
 * these (see client.ts), so none of them ever holds a password or key.
 *
 * Tell them apart with isSendsmsError() and their `kind`, never with `instanceof`: the server's client is kept on
 * globalThis (server-client.ts), so the module copy that made it (a page, say) throws its own classes, and a route
 * loaded as another copy would not recognise them; they would end as 500s.
 */

export abstract class SendsmsError extends Error {
  abstract readonly kind: string;
  /** The brand isSendsmsError() looks for. */
  readonly sendsmsError = true as const;
  /** What the failure means, in both languages (from `text`). */
  readonly explanation: StatusExplanation;
  constructor(
    readonly action: string,
    /** What the failure means, as a message key: said in the reader's language when answered. */
    readonly text: LocalizedText,
    detail?: string,
  ) {
    const explanation = inBothLanguages(text);
    super(`sendSMS ${action}: ${explanation.en}${detail ? ` (${detail})` : ''}`);
    this.explanation = explanation;
    this.name = new.target.name;
  }
}

/** What a status means, as a message key of the `status` messages. */
export function statusMeaning(rawStatus: number): LocalizedText {
  const described = describeStatus(rawStatus);
  return statusText(described.name, described.status);
}

/** What a status means, in English and Romanian. */
export function explainStatus(rawStatus: number): StatusExplanation {
  return inBothLanguages(statusMeaning(rawStatus));
}

/** The envelope as received, with secrets masked: kept for the audit log and the request builder. */
export interface RedactedEnvelope {
  status: number;
  message: string;
  details: unknown;
}

/** sendSMS answered, with a negative status. */
export class UpstreamStatusError extends SendsmsError {
  readonly kind = 'status';
  readonly status: number;
  readonly code: StatusCodeName;
  constructor(
    action: string,
    rawStatus: number,
    readonly envelope: RedactedEnvelope,
  ) {
    const described = describeStatus(rawStatus);
    super(action, statusMeaning(described.status), statusDetail(described.status, envelope));
    this.status = described.status;
    this.code = described.name;
  }
}

function statusDetail(status: number, envelope: RedactedEnvelope): string {
  const upstreamMessage = envelope.message.trim();
  const missing = status === -4 && typeof envelope.details === 'string' ? `, missing: ${envelope.details}` : '';
  return `status ${status}${upstreamMessage ? `: "${upstreamMessage.slice(0, 200)}"` : ''}${missing}`;
}

/** The account has no such action (-2 now, or recorded earlier): use the contract's fallback. */
export class UnsupportedActionError extends SendsmsError {
  readonly kind = 'unsupported';
  constructor(
    action: string,
    readonly recordedEarlier: boolean,
  ) {
    super(action, statusMeaning(-2), recordedEarlier ? 'recorded for this account earlier' : 'status -2');
  }
}

export type UpstreamFaultReason = 'http-status' | 'not-json' | 'bad-envelope' | 'unknown-shape';

const FAULT_EXPLANATIONS: Record<UpstreamFaultReason, LocalizedText> = {
  'http-status': errorText('upstream.httpStatus'),
  'not-json': errorText('upstream.notJson'),
  'bad-envelope': errorText('upstream.badEnvelope'),
  'unknown-shape': errorText('upstream.unknownShape'),
};

/** sendSMS answered, but not with data we can trust: kept raw (redacted, bounded) for support. */
export class UpstreamFaultError extends SendsmsError {
  readonly kind = 'fault';
  constructor(
    action: string,
    readonly reason: UpstreamFaultReason,
    readonly rawBody: string,
    readonly httpStatus: number,
    detail?: string,
  ) {
    super(action, FAULT_EXPLANATIONS[reason], detail ?? (reason === 'http-status' ? `HTTP ${httpStatus}` : undefined));
  }
}

export class UpstreamTimeoutError extends SendsmsError {
  readonly kind = 'timeout';
  constructor(
    action: string,
    readonly timeoutMs: number,
  ) {
    super(action, errorText('upstream.timeout', { seconds: timeoutMs / 1000 }));
  }
}

export class UpstreamNetworkError extends SendsmsError {
  readonly kind = 'network';
  constructor(
    action: string,
    readonly code: string,
  ) {
    super(action, errorText('upstream.network'), code);
  }
}

/** This account's 10 non-billable queries of the last minute are spent (counted across every process). */
export class BudgetExhaustedError extends SendsmsError {
  readonly kind = 'budget';
  constructor(
    action: string,
    readonly retryAfterMs: number,
    /** The budget in force (SENDSMS_BUDGET_PER_MINUTE): the number the sentence says. */
    readonly perMinute: number,
  ) {
    const seconds = Math.max(1, Math.ceil(retryAfterMs / 1000));
    super(action, errorText('upstream.budget', { perMinute, seconds }));
  }
}

/**
 * The only way to make this call is with the key itself as the password, and the key is a Default key that has
 * never been used: the call would lock it to this server's IP address for good. Ask first.
 */
export class DefaultKeyFirstUseError extends SendsmsError {
  readonly kind = 'default-key-first-use';
  constructor(action: string) {
    super(action, errorText('upstream.defaultKeyFirstUse'));
  }
}

/** The dashboard itself asked for something the action does not take: a programming error, never sent upstream. */
export class InvalidRequestError extends SendsmsError {
  readonly kind = 'invalid-request';
  constructor(action: string, problems: string) {
    super(action, errorText('upstream.invalidRequest', { problems }));
  }
}

/** Every error the client throws, told apart by `kind`. */
export type AnySendsmsError =
  | UpstreamStatusError
  | UnsupportedActionError
  | UpstreamFaultError
  | UpstreamTimeoutError
  | UpstreamNetworkError
  | BudgetExhaustedError
  | DefaultKeyFirstUseError
  | InvalidRequestError;

export type SendsmsErrorKind = AnySendsmsError['kind'];

/** A sendSMS error from any copy of this module. */
export function isSendsmsError(error: unknown): error is AnySendsmsError {
  if (typeof error !== 'object' || error === null) return false;
  const candidate = error as { sendsmsError?: unknown; kind?: unknown; explanation?: unknown };
  return (
    candidate.sendsmsError === true &&
    typeof candidate.kind === 'string' &&
    typeof candidate.explanation === 'object' &&
    candidate.explanation !== null
  );
}

/** The error as its `kind`'s type when it is one, else null. */
export function sendsmsErrorOf<Kind extends SendsmsErrorKind>(
  error: unknown,
  kind: Kind,
): Extract<AnySendsmsError, { kind: Kind }> | null {
  return isSendsmsError(error) && error.kind === kind ? (error as Extract<AnySendsmsError, { kind: Kind }>) : null;
}

/** sendSMS answered with this negative status (any, when none is named). */
export function isUpstreamStatus(error: unknown, status?: number): error is UpstreamStatusError {
  const answered = sendsmsErrorOf(error, 'status');
  return answered !== null && (status === undefined || answered.status === status);
}

/** The status sendSMS answered with, when the error is an answer (-2 for an action the account lacks). */
export function upstreamStatusOf(error: unknown): number | null {
  if (!isSendsmsError(error)) return null;
  if (error.kind === 'status') return error.status;
  return error.kind === 'unsupported' ? -2 : null;
}
