import { DEMO_ACCOUNTS, demoKeySecret } from '@/lib/demo/fixtures';
import type { SandboxStore } from '@/lib/sendsms/sandbox/store';

/**
 * The sandbox's side of the demo world, from the same fixtures as the dashboard's demo seed (lib/demo/seed.ts):
 * the same accounts and credentials, the same keys with the same secrets, kinds, IP lists, lock states and use
 * counts, and the same dates relative to the moment of seeding. Idempotent: what exists is left as it is, so a
 * restart never undoes what the demo did (a key locked, an IP whitelisted, a key deleted).
 */

const MINUTE = 60_000;
const DAY = 24 * 60 * MINUTE;

export async function seedSandbox(
  store: SandboxStore,
  now: Date = new Date(),
): Promise<{ accountsCreated: number; keysCreated: number }> {
  let accountsCreated = 0;
  let keysCreated = 0;
  for (const demoAccount of DEMO_ACCOUNTS) {
    const account = await store.ensureAccount({
      username: demoAccount.username,
      // An account the dashboard holds by API key takes that key as its account credential here.
      password: demoAccount.credential,
      balance: 42.5,
      info: { name: demoAccount.label, email: `${demoAccount.username}@demo.local`, country: 'RO', currency: 'EUR' },
    });
    if (account.created) accountsCreated += 1;
    for (const demoKey of demoAccount.keys) {
      const createdAt = new Date(now.getTime() - demoKey.createdDaysAgo * DAY);
      const firstUsedAt = new Date(createdAt.getTime() + DAY);
      const created = await store.ensureKey(account.id, {
        name: demoKey.name,
        kind: demoKey.kind === 'DEFAULT' ? 'default' : 'cloud',
        usageLabel: demoKey.usageLabel.toLowerCase(),
        secret: demoKeySecret(demoAccount.username, demoKey.name),
        ips: demoKey.ips.map((ip, index) => ({
          ip,
          added_at: new Date(firstUsedAt.getTime() + index * DAY).toISOString(),
        })),
        useCount: demoKey.useCount,
        lastUsedAt:
          demoKey.lastUsedMinutesAgo === null ? null : new Date(now.getTime() - demoKey.lastUsedMinutesAgo * MINUTE),
        createdAt,
        refusals: Object.fromEntries(
          (demoKey.refused ?? []).map((refusal) => [
            refusal.ip,
            {
              first: new Date(now.getTime() - refusal.firstMinutesAgo * MINUTE).toISOString(),
              last: new Date(now.getTime() - refusal.lastMinutesAgo * MINUTE).toISOString(),
              count: refusal.count,
            },
          ]),
        ),
      });
      if (created) keysCreated += 1;
    }
  }
  return { accountsCreated, keysCreated };
}
