/**
 * Thrown by a service when the signed-in user reaches for something outside their tenant (a user or account id
 * from another account in a URL or body). `withPermission` turns it into a 403 with the reason and audits it.
 */
export class AccessDeniedError extends Error {
  constructor(
    readonly reason: string,
    readonly accountId: string | null = null,
  ) {
    super(reason);
    this.name = 'AccessDeniedError';
  }
}

/** A request that is well-formed but cannot be carried out as asked (a duplicate, a sendSMS refusal): a 409/422/502. */
export class RequestRefusedError extends Error {
  constructor(
    readonly status: 409 | 422 | 502,
    message: string,
    readonly details: Record<string, unknown> = {},
  ) {
    super(message);
    this.name = 'RequestRefusedError';
  }
}
