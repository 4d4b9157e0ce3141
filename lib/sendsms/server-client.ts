import 'server-only';
import { getConfig, sendsmsBudgetLimits } from '@/lib/config';
import { getPrisma } from '@/lib/db/client';
import { createLogger } from '@/lib/log';
import { createPostgresBudget } from '@/lib/sendsms/budget-postgres';
import { createPostgresCapabilityStore } from '@/lib/sendsms/capabilities-postgres';
import { createSendsmsClient, type SendsmsClient } from '@/lib/sendsms/client';

/**
 * The running server's sendSMS client for a base URL: the budget and capabilities kept in Postgres (shared by every
 * process), the configured timeout. One per base URL per process, so identical concurrent reads coalesce.
 */

const globalForClients = globalThis as unknown as { sendsmsClients?: Map<string, SendsmsClient> };

export function getSendsmsClient(baseUrl: string): SendsmsClient {
  const clients = (globalForClients.sendsmsClients ??= new Map());
  let client = clients.get(baseUrl);
  if (!client) {
    const prisma = getPrisma();
    client = createSendsmsClient({
      baseUrl,
      timeoutMs: getConfig().sendsmsTimeoutMs,
      budget: createPostgresBudget(prisma, sendsmsBudgetLimits(getConfig())),
      capabilities: createPostgresCapabilityStore(prisma),
      log: createLogger('sendsms'),
    });
    clients.set(baseUrl, client);
  }
  return client;
}
