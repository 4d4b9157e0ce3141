/**
 * Where a request came from, as the audit log records it. Its own module, below both the route wrapper
 * (lib/auth/with-permission.ts, which reads it from the request) and the services (which record it), so that no
 * service imports the wrapper.
 */
export interface RequestMeta {
  sourceIp: string | null;
  userAgent: string | null;
}
