/**
 * Prisma's error code (P2002: a unique constraint, P2003: a foreign key), read from the error itself: the client
 * kept on globalThis may belong to another module copy than the caller's, so `instanceof` cannot be trusted.
 */
export function prismaErrorCode(error: unknown): string | null {
  const code = typeof error === 'object' && error !== null ? (error as { code?: unknown }).code : undefined;
  return typeof code === 'string' && /^P\d{4}$/.test(code) ? code : null;
}
