import { AppError, type AppErrorOptions } from '@/lib/errors/app-error';
import { appErrorFromUpstream } from '@/lib/errors/upstream-error';
import { isSendsmsError } from '@/lib/sendsms/errors';

/**
 * What the keys services refuse with: the dashboard's one error type (lib/errors/app-error.ts) with the keys'
 * codes, each with its HTTP status. withPermission answers it through lib/errors/error-response.ts; pages show
 * `message`.
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

export class KeyServiceError extends AppError {
  constructor(code: KeyErrorCode, message: string, options: AppErrorOptions = {}) {
    super(code, HTTP_STATUS[code], message, options);
    this.name = 'KeyServiceError';
  }
}

/** A sendSMS failure in the contract's words (lib/errors/upstream-error.ts); null for anything else. */
export function fromSendsmsError(error: unknown): AppError | null {
  return isSendsmsError(error) ? appErrorFromUpstream(error) : null;
}

export { upstreamStatusOf } from '@/lib/sendsms/errors';
