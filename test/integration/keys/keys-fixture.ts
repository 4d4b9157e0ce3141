import crypto from 'node:crypto';
import type { PrismaClient } from '@/lib/generated/prisma/client';
import type { SessionUser } from '@/lib/auth/session-user';
import { encryptSecret } from '@/lib/crypto';
import type { KeyServiceDeps } from '@/lib/keys/deps';
import { generateApiKey } from '@/lib/keys/generate-service';
import { SENDSMS_BUDGET, type BudgetLimits } from '@/lib/config';
import { backgroundShare } from '@/lib/sendsms/budget';
import { createPostgresBudget } from '@/lib/sendsms/budget-postgres';
import { createPostgresCapabilityStore } from '@/lib/sendsms/capabilities-postgres';
import { createSendsmsClient, type SendsmsClient } from '@/lib/sendsms/client';
import type { RunningSandbox, SandboxOptions } from '@/lib/sendsms/sandbox/server';
import { uniqueUsername, wire, type WireAnswer } from '@/test/integration/sendsms/sandbox-fixture';
import { sandboxWorld, type SandboxWorld } from '@/test/integration/support/sandbox-world';

/**
 * The keys services against real Postgres and a sandbox over HTTP, as the server runs them: the Postgres budget
 * and capability store, account credentials and key secrets encrypted with a key of the test's own.
 */

// Set before anything reads the configuration: accountRefFor decrypts with the configured key.
export const TEST_CREDENTIALS_KEY_HEX = crypto.randomBytes(32).toString('hex');
process.env.CREDENTIALS_ENCRYPTION_KEY ??= TEST_CREDENTIALS_KEY_HEX;
export const credentialsKey = Buffer.from(process.env.CREDENTIALS_ENCRYPTION_KEY, 'hex');

/**
 * The file's sandbox and database client. The keys tests' sandbox keeps its tables in a schema of its own: its
 * anonymous fault switches are not shared with other files.
 */
export function keysWorld(options: Partial<SandboxOptions> = {}): SandboxWorld {
  return sandboxWorld({ schema: 'sandbox_keys', seed: false, ...options });
}

export function serviceDeps(
  prisma: PrismaClient,
  options: { now?: () => Date; timeoutMs?: number; budget?: BudgetLimits } = {},
): KeyServiceDeps {
  const clients = new Map<string, SendsmsClient>();
  const limits = options.budget ?? SENDSMS_BUDGET;
  // As on the server: one budget in Postgres, of which the background work gets its share only.
  const clientFor = (baseUrl: string, priority: 'person' | 'background') => {
    let client = clients.get(`${priority}\n${baseUrl}`);
    if (!client) {
      const budget = createPostgresBudget(prisma, limits);
      client = createSendsmsClient({
        baseUrl,
        budget: priority === 'background' ? backgroundShare(budget, limits) : budget,
        capabilities: createPostgresCapabilityStore(prisma),
        retry: { attempts: 1 },
        timeoutMs: options.timeoutMs ?? 3_000,
      });
      clients.set(`${priority}\n${baseUrl}`, client);
    }
    return client;
  };
  return {
    prisma,
    credentialsKey,
    now: options.now ?? (() => new Date()),
    clientFor: (baseUrl) => clientFor(baseUrl, 'person'),
    backgroundClientFor: (baseUrl) => clientFor(baseUrl, 'background'),
  };
}

export interface TestAccount {
  accountId: string;
  username: string;
  password: string;
  admin: SessionUser;
  lead: SessionUser;
  support: SessionUser;
  outsider: SessionUser;
}

/** A sendSMS account in the sandbox (with optional keys made "on the hub") and in the dashboard, and one user per role. */
export async function createTestAccount(
  prisma: PrismaClient,
  sandbox: RunningSandbox,
  keys: Array<{ name: string; kind: 'default' | 'cloud'; secret?: string; ips?: string[] }> = [],
): Promise<TestAccount> {
  const username = uniqueUsername('keys');
  const password = `pw-${crypto.randomBytes(6).toString('hex')}`;
  await sandbox.control.createAccount({ username, password, keys });
  const account = await prisma.account.create({
    data: {
      label: `Test ${username}`,
      username,
      credentialCiphertext: encryptSecret(password, credentialsKey),
      credentialKind: 'PASSWORD',
      apiBaseUrl: sandbox.url,
    },
  });
  const user = (role: SessionUser['role'], accountIds: string[]): SessionUser => ({
    id: `user-${role}-${username}`,
    email: `${role.toLowerCase()}@${username}.test`,
    name: role,
    role,
    accountIds,
  });
  return {
    accountId: account.id,
    username,
    password,
    admin: user('ADMIN', [account.id]),
    lead: user('LEAD', [account.id]),
    support: user('SUPPORT', []),
    outsider: user('ADMIN', []),
  };
}

type KeyToGenerate = Parameters<typeof generateApiKey>[2];

/** A Default key as the provider's guide makes it: usable from its first caller's address only. */
export const defaultKey = (name: string): KeyToGenerate => ({ name, kind: 'DEFAULT', usageLabel: 'DEFAULT' });
/** A Cloud key: usable from any address. */
export const cloudKey = (name: string): KeyToGenerate => ({ name, kind: 'CLOUD', usageLabel: 'CLOUD' });

/** A fresh account with one key its admin generated, and the services' deps that generated it. */
export async function accountWithKey(
  world: SandboxWorld,
  key: KeyToGenerate = defaultKey('API Key Test'),
  depsOptions?: Parameters<typeof serviceDeps>[1],
) {
  const account = await createTestAccount(world.prisma, world.sandbox);
  const deps = serviceDeps(world.prisma, depsOptions);
  const generated = await generateApiKey(deps, { actor: account.admin, accountId: account.accountId }, key);
  return { account, deps, generated };
}

/** One call to sendSMS with the key as the password, from `ip`, as an integration would make it. */
export function callWithKey(
  sandbox: RunningSandbox,
  account: { username: string },
  secret: string,
  ip?: string,
): Promise<WireAnswer> {
  return wire(sandbox, { action: 'user_get_balance', username: account.username, password: secret }, ip);
}

/** Changes to sendSMS recorded but not yet settled (OPEN or UNKNOWN): none once the resolver has run. */
export const unsettledChangeCount = (prisma: PrismaClient, accountId: string) =>
  prisma.upstreamChange.count({ where: { accountId, state: { in: ['OPEN', 'UNKNOWN'] } } });
