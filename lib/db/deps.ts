import 'server-only';
import type { PrismaClient } from '@/lib/generated/prisma/client';
import { getPrisma } from '@/lib/db/client';

/**
 * What a service that only reads and writes Postgres needs from the outside world, passed in (as lib/keys/deps.ts
 * does for the keys services) so that integration tests can give it a database of their own.
 */
export interface DatabaseDeps {
  prisma: PrismaClient;
}

export function serverDatabaseDeps(): DatabaseDeps {
  return { prisma: getPrisma() };
}
