/**
 * Where a request came from, as the audit log records it. Its own module, below both the route wrapper
 * (lib/auth/with-permission.ts, which reads it from the request) and the services (which record it), so that no
 * service imports the wrapper.
 */
export interface RequestMeta {
  sourceIp: string | null;
  userAgent: string | null;
}

/** A request's origin where part or all of it may be unknown (tests, scripts, the dashboard's own background work). */
export type RequestOrigin = Partial<RequestMeta>;

/** The origin as the audit row stores it: unknown parts are null. */
export const metaOf = (origin: RequestOrigin = {}): RequestMeta => ({
  sourceIp: origin.sourceIp ?? null,
  userAgent: origin.userAgent ?? null,
});
