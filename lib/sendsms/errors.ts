import { describeStatus, type StatusCodeName, type StatusExplanation } from '@/lib/sendsms/status-codes';

/**
 * What can go wrong talking to sendSMS, as types the dashboard can act on. Every error carries an explanation in
 * English and Romanian for the screen. Messages and kept bodies are built from redacted text only: the client
 * redacts before constructing any of these (see client.ts), so none of them ever holds a password or key.
 *
 * Tell them apart with isSendsmsError() and their `kind`, never with `instanceof`: the server's client is kept on
 * globalThis (server-client.ts), so the module copy that made it (a page, say) throws its own classes, and a route
 * loaded as another copy would not recognise them; they would end as 500s.
 */

export abstract class SendsmsError extends Error {
  abstract readonly kind: string;
  /** The brand isSendsmsError() looks for. */
  readonly sendsmsError = true as const;
  constructor(
    readonly action: string,
    readonly explanation: StatusExplanation,
    detail?: string,
  ) {
    super(`sendSMS ${action}: ${explanation.en}${detail ? ` (${detail})` : ''}`);
    this.name = new.target.name;
  }
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
    super(action, described.explanation, statusDetail(described.status, envelope));
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
    super(action, describeStatus(-2).explanation, recordedEarlier ? 'recorded for this account earlier' : 'status -2');
  }
}

export type UpstreamFaultReason = 'http-status' | 'not-json' | 'bad-envelope' | 'unknown-shape';

const FAULT_EXPLANATIONS: Record<UpstreamFaultReason, StatusExplanation> = {
  'http-status': {
    en: 'sendSMS answered with an HTTP error instead of its usual reply.',
    ro: 'sendSMS a răspuns cu o eroare HTTP în locul răspunsului obișnuit.',
  },
  'not-json': {
    en: 'sendSMS answered with something that is not its usual JSON reply (perhaps an error page).',
    ro: 'sendSMS a răspuns cu ceva ce nu este răspunsul JSON obișnuit (poate o pagină de eroare).',
  },
  'bad-envelope': {
    en: 'sendSMS answered JSON without the usual status field.',
    ro: 'sendSMS a răspuns cu JSON fără câmpul obișnuit de stare.',
  },
  'unknown-shape': {
    en: 'sendSMS answered in a shape this dashboard does not understand. The answer was kept for support.',
    ro: 'sendSMS a răspuns într-un format pe care acest panou nu îl înțelege. Răspunsul a fost păstrat pentru suport.',
  },
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
    super(action, {
      en: `sendSMS did not answer within ${timeoutMs / 1000} seconds.`,
      ro: `sendSMS nu a răspuns în ${timeoutMs / 1000} secunde.`,
    });
  }
}

export class UpstreamNetworkError extends SendsmsError {
  readonly kind = 'network';
  constructor(
    action: string,
    readonly code: string,
  ) {
    super(
      action,
      {
        en: 'The connection to sendSMS failed or was cut before it answered.',
        ro: 'Conexiunea cu sendSMS a eșuat sau a fost întreruptă înainte de răspuns.',
      },
      code,
    );
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
    super(action, {
      en: `sendSMS allows ${perMinute} ${perMinute === 1 ? 'query' : 'queries'} a minute per account and this account has used them. Try again in ${seconds} s.`,
      ro: `sendSMS permite ${interogari(perMinute)} pe minut pentru fiecare cont, iar acest cont le-a folosit. Încercați din nou în ${seconds} s.`,
    });
  }
}

/** "1 interogare", "10 interogări", "20 de interogări": Romanian puts "de" before a count of 20 and over. */
function interogari(count: number): string {
  if (count === 1) return '1 interogare';
  const lastTwo = count % 100;
  return lastTwo === 0 || lastTwo >= 20 ? `${count} de interogări` : `${count} interogări`;
}

/**
 * The only way to make this call is with the key itself as the password, and the key is a Default key that has
 * never been used: the call would lock it to this server's IP address for good. Ask first.
 */
export class DefaultKeyFirstUseError extends SendsmsError {
  readonly kind = 'default-key-first-use';
  constructor(action: string) {
    super(action, {
      en: 'This Default key has never been used. Calling sendSMS with it now would lock it to this server’s IP address, and every other address would be refused until whitelisted. Confirm to go ahead.',
      ro: 'Această cheie Default nu a fost folosită niciodată. Un apel către sendSMS cu ea acum ar bloca-o pe adresa IP a acestui server, iar orice altă adresă ar fi refuzată până la autorizare. Confirmați pentru a continua.',
    });
  }
}

/** The dashboard itself asked for something the action does not take: a programming error, never sent upstream. */
export class InvalidRequestError extends SendsmsError {
  readonly kind = 'invalid-request';
  constructor(action: string, problems: string) {
    super(action, { en: `The request is not valid: ${problems}.`, ro: `Cererea nu este validă: ${problems}.` });
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
