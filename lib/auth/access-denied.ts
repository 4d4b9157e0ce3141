import { AppError } from '@/lib/errors/app-error';

/**
 * Thrown by a service when the signed-in user reaches for something outside their tenant (a user or account id
 * from another account in a URL or body). `withPermission` answers it with a 403 with the reason and audits it.
 * Both errors here are the dashboard's one error type (lib/errors/app-error.ts) under the names services use.
 */
export class AccessDeniedError extends AppError {
  constructor(
    readonly reason: string,
    readonly accountId: string | null = null,
  ) {
    super('forbidden', 403, reason, { accountId });
    this.name = 'AccessDeniedError';
  }
}

/** A request that is well-formed but cannot be carried out as asked (a duplicate, a sendSMS refusal): a 409/422/502. */
export class RequestRefusedError extends AppError {
  constructor(
    readonly status: 409 | 422 | 502,
    message: string,
    readonly details: Record<string, unknown> = {},
  ) {
    // A sendSMS status among the details is the body's `upstreamStatus`, as it always was.
    super('refused', status, message, {
      details,
      upstreamStatus: typeof details.upstreamStatus === 'number' ? details.upstreamStatus : null,
    });
    this.name = 'RequestRefusedError';
  }
}
