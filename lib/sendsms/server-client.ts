import 'server-only';
import { getConfig, sendsmsBudgetLimits } from '@/lib/config';
import { getPrisma } from '@/lib/db/client';
import { createLogger } from '@/lib/log';
import { backgroundShare } from '@/lib/sendsms/budget';
import { createPostgresBudget } from '@/lib/sendsms/budget-postgres';
import { createPostgresCapabilityStore } from '@/lib/sendsms/capabilities-postgres';
import { createSendsmsClient, type SendsmsClient } from '@/lib/sendsms/client';

/**
 * The running server's sendSMS client for a base URL: the budget and capabilities kept in Postgres (shared by every
 * process), the configured timeout. One per base URL per process, so identical concurrent reads coalesce.
 */

const globalForClients = globalThis as unknown as { sendsmsClients?: Map<string, SendsmsClient> };

/** Who a call is for: a person waiting for it, or the dashboard's own background work (a share of the budget). */
export type CallPriority = 'person' | 'background';

export function getSendsmsClient(baseUrl: string, priority: CallPriority = 'person'): SendsmsClient {
  const clients = (globalForClients.sendsmsClients ??= new Map());
  const cacheKey = `${priority}\n${baseUrl}`;
  let client = clients.get(cacheKey);
  if (!client) {
    const prisma = getPrisma();
    const limits = sendsmsBudgetLimits(getConfig());
    const budget = createPostgresBudget(prisma, limits);
    client = createSendsmsClient({
      baseUrl,
      timeoutMs: getConfig().sendsmsTimeoutMs,
      budget: priority === 'background' ? backgroundShare(budget, limits) : budget,
      capabilities: createPostgresCapabilityStore(prisma),
      log: createLogger('sendsms'),
    });
    clients.set(cacheKey, client);
  }
  return client;
}

/** The client for the dashboard's background work: the same shared budget, at most its background share. */
export const getBackgroundSendsmsClient = (baseUrl: string) => getSendsmsClient(baseUrl, 'background');
