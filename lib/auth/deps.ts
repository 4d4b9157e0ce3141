import 'server-only';
import { getCredentialsKey } from '@/lib/config';
import { getPrisma } from '@/lib/db/client';
import type { DatabaseDeps } from '@/lib/db/deps';

/** What the auth services need from the outside world (lib/keys/deps.ts's shape): the database, the secrets' key. */
export interface AuthServiceDeps extends DatabaseDeps {
  /** Encrypts the TOTP secrets the dashboard keeps. */
  credentialsKey: Buffer;
  now(): Date;
}

export function serverAuthDeps(): AuthServiceDeps {
  return { prisma: getPrisma(), credentialsKey: getCredentialsKey(), now: () => new Date() };
}
