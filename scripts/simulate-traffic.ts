/**
 * `npm run simulate:traffic`: plays a few integrations calling the sandbox with the demo keys from different IP
 * addresses (through the sandbox-only header X-Sandbox-Client-Ip), so that a newcomer sees what the API-keys page
 * is about: a fresh Default key locking to its first caller, another address refused until whitelisted, a Cloud
 * key accepting everyone, use counts and last-used dates moving. Prints each call and the keys afterwards.
 * Targets SENDSMS_API_URL or the bundled sandbox's URL; it must be a sandbox (npm start or npm run sandbox).
 */
import path from 'node:path';
import { parseConfig, upstreamBaseUrl } from '@/lib/config';
import { DEMO_ACCOUNTS, demoKeySecret } from '@/lib/demo/fixtures';
import { createMemoryBudget } from '@/lib/sendsms/budget';
import { createSendsmsClient, type AccountRef } from '@/lib/sendsms/client';
import { isSendsmsError } from '@/lib/sendsms/errors';
import type { KeyInUse } from '@/lib/sendsms/key-form';
import { CLIENT_IP_HEADER } from '@/lib/sendsms/sandbox/client-ip';

const config = parseConfig(process.env, path.resolve(__dirname, '..'));
const baseUrl = upstreamBaseUrl(config);
const budget = createMemoryBudget();

/** A client whose calls reach the sandbox as if sent from `ip`. */
function clientFrom(ip: string) {
  return createSendsmsClient({
    baseUrl,
    budget,
    timeoutMs: config.sendsmsTimeoutMs,
    retry: { attempts: 1 },
    fetch: (input, init) =>
      fetch(input, { ...init, headers: { ...(init?.headers as Record<string, string>), [CLIENT_IP_HEADER]: ip } }),
  });
}

const demoShop = DEMO_ACCOUNTS.find((account) => account.username === 'demo')!;
const account: AccountRef = { username: demoShop.username, credential: demoShop.credential };
/** The integration's view: it holds only its key, not the account password. */
const integration = (username: string): AccountRef => ({ username, credential: null });

function key(name: string, kind: 'DEFAULT' | 'CLOUD'): KeyInUse {
  // An integration using its own key is exactly the first use the dashboard must never make silently: here it is the point.
  return { secret: demoKeySecret('demo', name), kind, used: true };
}

async function step(description: string, run: () => Promise<string>): Promise<void> {
  try {
    process.stdout.write(`  ✓ ${description}: ${await run()}\n`);
  } catch (error) {
    process.stdout.write(`  ✗ ${description}: ${isSendsmsError(error) ? error.message : String(error)}\n`);
  }
}

const listIps = (ip: string, name: string, kind: 'DEFAULT' | 'CLOUD') =>
  clientFrom(ip)
    .call('token_list_ips', { account: integration('demo'), key: key(name, kind), confirmFirstUseLock: true })
    .then(
      (result) => `accepted; Locked On IP = ${result.details.map((entry) => entry.address).join(', ') || '(none)'}`,
    );

async function main(): Promise<void> {
  process.stdout.write(`\nSimulating integrations against ${baseUrl}\n\n`);
  await step('Warehouse SMPP (Default, never used) called from 203.0.113.50', () =>
    listIps('203.0.113.50', 'Warehouse SMPP', 'DEFAULT'),
  );
  await step('Warehouse SMPP called from 203.0.113.51 (another server)', () =>
    listIps('203.0.113.51', 'Warehouse SMPP', 'DEFAULT'),
  );
  await step('The account whitelists 203.0.113.51 for Warehouse SMPP (token_add_ip)', () =>
    clientFrom('127.0.0.1')
      .call('token_add_ip', { account, key: key('Warehouse SMPP', 'DEFAULT'), params: { ipaddr: '203.0.113.51' } })
      .then(() => 'whitelisted'),
  );
  await step('Warehouse SMPP called from 203.0.113.51 again', () =>
    listIps('203.0.113.51', 'Warehouse SMPP', 'DEFAULT'),
  );
  await step('Website orders (Default, locked to 203.0.113.10) called from 203.0.113.10', () =>
    listIps('203.0.113.10', 'Website orders', 'DEFAULT'),
  );
  await step('Website orders called from 192.0.2.200', () => listIps('192.0.2.200', 'Website orders', 'DEFAULT'));
  await step('Mobile app (Cloud) called from 100.64.0.1', () => listIps('100.64.0.1', 'Mobile app', 'CLOUD'));
  await step('Mobile app (Cloud) called from 100.64.0.2', () => listIps('100.64.0.2', 'Mobile app', 'CLOUD'));

  process.stdout.write('\nThe keys of the account "demo" now:\n');
  try {
    const listed = await clientFrom('127.0.0.1').call('token_list', { account });
    for (const listedKey of listed.details) {
      process.stdout.write(
        `  ${listedKey.name.padEnd(16)} ${String(listedKey.kind).padEnd(8)} uses ${String(listedKey.useCount ?? '?').padStart(5)}  last used ${listedKey.lastUsedAt?.toISOString() ?? 'never'}  IPs ${listedKey.lockedIps.map((entry) => entry.address).join(', ') || '-'}\n`,
      );
    }
  } catch (error) {
    process.stdout.write(`  could not list the keys: ${error instanceof Error ? error.message : String(error)}\n`);
  }
  process.stdout.write('\n(The sandbox allows 10 queries a minute per account: run it again after a minute.)\n');
}

main().catch((error) => {
  process.stderr.write(`${error instanceof Error ? error.message : String(error)}\n`);
  process.exit(1);
});
