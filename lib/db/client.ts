import 'server-only';
import { PrismaPg } from '@prisma/adapter-pg';
import { PrismaClient } from '@/lib/generated/prisma/client';
import { getConfig } from '@/lib/config';

/**
 * The Prisma client for the running server, on the node-postgres driver adapter (Prisma 7 needs no native
 * engine that way). One per process: kept on globalThis so that Next's dev reloads do not open a pool each time.
 */

export function createPrismaClient(databaseUrl: string): PrismaClient {
  return new PrismaClient({ adapter: new PrismaPg({ connectionString: databaseUrl, max: 10 }) });
}

const globalForPrisma = globalThis as unknown as { prisma?: PrismaClient };

export function getPrisma(): PrismaClient {
  if (!globalForPrisma.prisma) {
    const { databaseUrl } = getConfig();
    if (!databaseUrl)
      throw new Error('DATABASE_URL is not set: start the dashboard with `npm start`, which provides it');
    globalForPrisma.prisma = createPrismaClient(databaseUrl);
  }
  return globalForPrisma.prisma;
}
