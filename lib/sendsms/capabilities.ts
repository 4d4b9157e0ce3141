import { z } from 'zod';
import { ACTION_NAMES, type ActionName } from '@/lib/sendsms/actions';
import type { BudgetAccount } from '@/lib/sendsms/budget';

/**
 * What each sendSMS account turned out to support. The assumed actions (token_list, token_generate, token_delete)
 * may not exist: an answer of -2 marks one unsupported and the dashboard falls back (key-operations.ts); any other
 * answer marks it supported. Stored per account so the next call goes straight to the fallback.
 */

export type Capability = 'supported' | 'unsupported';
export type Capabilities = Partial<Record<ActionName, Capability>>;

const capability = z.enum(['supported', 'unsupported']);

/**
 * The one reader of the stored JSON (the Account row's `capabilities`): an action it does not know, a value that
 * is neither word, or JSON that is not an object at all counts as "not known yet", never as an error.
 */
const storedCapabilities = z
  .record(z.string(), z.unknown())
  .catch({})
  .transform((stored): Capabilities => {
    const capabilities: Capabilities = {};
    for (const name of ACTION_NAMES) {
      const value = capability.safeParse(stored[name]);
      if (value.success) capabilities[name] = value.data;
    }
    return capabilities;
  });

export function readCapabilities(stored: unknown): Capabilities {
  return storedCapabilities.parse(stored ?? {});
}

export interface CapabilityStore {
  get(account: BudgetAccount): Promise<Capabilities>;
  record(account: BudgetAccount, action: ActionName, capability: Capability): Promise<void>;
}

export function createMemoryCapabilityStore(): CapabilityStore {
  const byAccount = new Map<string, Capabilities>();
  const keyOf = (account: BudgetAccount) => `${account.apiBaseUrl}\n${account.username}`;
  return {
    async get(account) {
      return { ...byAccount.get(keyOf(account)) };
    },
    async record(account, action, capability) {
      byAccount.set(keyOf(account), { ...byAccount.get(keyOf(account)), [action]: capability });
    },
  };
}
