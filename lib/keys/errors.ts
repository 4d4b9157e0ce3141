import { isSendsmsError } from '@/lib/sendsms/errors';
import { RETRYABLE_STATUSES, STATUS_CODES } from '@/lib/sendsms/status-codes';

/**
 * What the keys services refuse or fail with, as one error type that carries its HTTP status, a plain-language
 * message (the contract's meaning when sendSMS said no), whether retrying may help, and the upstream status for
 * the audit log. Route handlers turn it into JSON as it is; pages show `message`.
 */

export type KeyErrorCode =
  | 'not-found'
  | 'forbidden'
  | 'invalid'
  | 'confirmation-required'
  | 'conflict'
  | 'rate-limited'
  | 'upstream-refused'
  | 'upstream-unavailable'
  | 'unsupported';

const HTTP_STATUS: Record<KeyErrorCode, number> = {
  'not-found': 404,
  forbidden: 403,
  invalid: 422,
  'confirmation-required': 409,
  conflict: 409,
  'rate-limited': 429,
  'upstream-refused': 502,
  'upstream-unavailable': 503,
  unsupported: 501,
};

export class KeyServiceError extends Error {
  readonly httpStatus: number;
  constructor(
    readonly code: KeyErrorCode,
    message: string,
    readonly options: { retryable?: boolean; upstreamStatus?: number | null; retryAfterMs?: number; messageRo?: string; field?: string } = {},
  ) {
    super(message);
    this.name = 'KeyServiceError';
    this.httpStatus = HTTP_STATUS[code];
  }

  get retryable(): boolean {
    return this.options.retryable ?? false;
  }

  toJSON() {
    return {
      error: this.code,
      message: this.message,
      messageRo: this.options.messageRo ?? null,
      retryable: this.retryable,
      upstreamStatus: this.options.upstreamStatus ?? null,
      retryAfterMs: this.options.retryAfterMs ?? null,
      field: this.options.field ?? null,
    };
  }
}

export type KeyErrorBody = ReturnType<KeyServiceError['toJSON']>;

/**
 * A sendSMS failure in the contract's words: refused (a status), unavailable (down, slow, garbled), or budget.
 * Told apart by `kind`: the error may come from another module copy than this one (lib/sendsms/errors.ts).
 */
export function fromSendsmsError(error: unknown): KeyServiceError | null {
  if (!isSendsmsError(error)) return null;
  const words = { messageRo: error.explanation.ro };
  switch (error.kind) {
    case 'budget':
      return new KeyServiceError('rate-limited', error.explanation.en, { ...words, retryable: true, retryAfterMs: error.retryAfterMs });
    case 'default-key-first-use':
      return new KeyServiceError('confirmation-required', error.explanation.en, words);
    case 'unsupported':
      return new KeyServiceError('unsupported', error.explanation.en, { ...words, upstreamStatus: -2 });
    case 'status': {
      // "Not now" answers are worth a retry; a refusal (-8, -128, -512...) is not until something changes.
      const retryable = RETRYABLE_STATUSES.has(error.status) || error.status === STATUS_CODES.internal_error.status;
      return new KeyServiceError(retryable ? 'upstream-unavailable' : 'upstream-refused', error.explanation.en, { ...words, retryable, upstreamStatus: error.status });
    }
    default:
      return new KeyServiceError('upstream-unavailable', error.explanation.en, { ...words, retryable: true });
  }
}

export { upstreamStatusOf } from '@/lib/sendsms/errors';
