import 'server-only';
import type { PrismaClient } from '@/lib/generated/prisma/client';
import { readCapabilities, type CapabilityStore } from '@/lib/sendsms/capabilities';

/**
 * Capabilities kept on the dashboard's Account row (`capabilities` JSON, `capabilitiesCheckedAt`), matched by
 * base URL and username. A call for an account the dashboard does not manage records nothing. Merged in SQL, so
 * two processes recording different actions at once both win.
 */

export function createPostgresCapabilityStore(prisma: PrismaClient): CapabilityStore {
  return {
    async get(account) {
      const row = await prisma.account.findUnique({
        where: { apiBaseUrl_username: { apiBaseUrl: account.apiBaseUrl, username: account.username } },
        select: { capabilities: true },
      });
      return readCapabilities(row?.capabilities);
    },
    async record(account, action, capability) {
      const change = JSON.stringify({ [action]: capability });
      await prisma.$executeRaw`
        UPDATE "Account" SET "capabilities" = "capabilities" || ${change}::jsonb, "capabilitiesCheckedAt" = (now() AT TIME ZONE 'UTC')
         WHERE "apiBaseUrl" = ${account.apiBaseUrl} AND "username" = ${account.username}`;
    },
  };
}
