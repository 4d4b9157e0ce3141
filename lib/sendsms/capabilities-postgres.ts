import 'server-only';
import { z } from 'zod';
import type { PrismaClient } from '@/lib/generated/prisma/client';
import { ACTION_NAMES, type ActionName } from '@/lib/sendsms/actions';
import type { Capabilities, CapabilityStore } from '@/lib/sendsms/capabilities';

/**
 * Capabilities kept on the dashboard's Account row (`capabilities` JSON, `capabilitiesCheckedAt`), matched by
 * base URL and username. A call for an account the dashboard does not manage records nothing. Merged in SQL, so
 * two processes recording different actions at once both win.
 */

const storedCapabilities = z.record(z.string(), z.unknown()).transform((stored): Capabilities => {
  const capabilities: Capabilities = {};
  for (const name of ACTION_NAMES) {
    const value = stored[name];
    if (value === 'supported' || value === 'unsupported') capabilities[name as ActionName] = value;
  }
  return capabilities;
});

export function createPostgresCapabilityStore(prisma: PrismaClient): CapabilityStore {
  return {
    async get(account) {
      const row = await prisma.account.findUnique({
        where: { apiBaseUrl_username: { apiBaseUrl: account.apiBaseUrl, username: account.username } },
        select: { capabilities: true },
      });
      const parsed = storedCapabilities.safeParse(row?.capabilities ?? {});
      return parsed.success ? parsed.data : {};
    },
    async record(account, action, capability) {
      const change = JSON.stringify({ [action]: capability });
      await prisma.$executeRaw`
        UPDATE "Account" SET "capabilities" = "capabilities" || ${change}::jsonb, "capabilitiesCheckedAt" = (now() AT TIME ZONE 'UTC')
         WHERE "apiBaseUrl" = ${account.apiBaseUrl} AND "username" = ${account.username}`;
    },
  };
}
