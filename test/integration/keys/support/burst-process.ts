/**
 * A dashboard process in the middle of a burst, for the kill -9 test (test/integration/keys/crash.test.ts): it
 * generates keys and authorizes IPs through the services, all at once, as concurrent requests would, and is killed
 * with SIGKILL while sendSMS is still answering. Run with `node --conditions=react-server --import tsx`; its orders come in BURST (JSON).
 */
import type { SessionUser } from '@/lib/auth/session-user';
import { createPrismaClient } from '@/lib/db/client';
import { authorizeKeyIp } from '@/lib/keys/authorize-ip-service';
import type { KeyServiceDeps } from '@/lib/keys/deps';
import { generateApiKey } from '@/lib/keys/generate-service';
import type { BudgetLimits } from '@/lib/config';
import { createPostgresBudget } from '@/lib/sendsms/budget-postgres';
import { createSendsmsClient } from '@/lib/sendsms/client';

interface BurstOrders {
  databaseUrl: string;
  accountId: string;
  actor: SessionUser;
  budget: BudgetLimits;
  generate: string[];
  authorize: Array<{ keyId: string; ip: string }>;
}

const orders = JSON.parse(process.env.BURST ?? '{}') as BurstOrders;
const prisma = createPrismaClient(orders.databaseUrl);
const deps: KeyServiceDeps = {
  prisma,
  credentialsKey: Buffer.from(process.env.CREDENTIALS_ENCRYPTION_KEY ?? '', 'hex'),
  now: () => new Date(),
  clientFor: (baseUrl) =>
    createSendsmsClient({
      baseUrl,
      budget: createPostgresBudget(prisma, orders.budget),
      retry: { attempts: 1 },
      timeoutMs: 30_000,
    }),
};
const origin = { sourceIp: '203.0.113.5' };

void Promise.allSettled([
  ...orders.generate.map((name) =>
    generateApiKey(
      deps,
      { actor: orders.actor, accountId: orders.accountId, origin },
      { name, kind: 'DEFAULT', usageLabel: 'DEFAULT' },
    ),
  ),
  ...orders.authorize.map(({ keyId, ip }) =>
    authorizeKeyIp(deps, { actor: orders.actor, accountId: orders.accountId, keyId, origin }, { ip }),
  ),
]).then(() => process.stdout.write('burst finished\n'));
