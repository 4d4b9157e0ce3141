/** Set by proxy.ts on every request, so that a server component knows which address to come back to after sign-in. */
export const PATHNAME_HEADER = 'x-dashboard-path';
