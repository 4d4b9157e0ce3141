import { describe, expect, it } from 'vitest';
import type { AccountRow } from '@/lib/db/account-row';
import { loadAccount } from '@/lib/keys/access';
import type { KeyServiceDeps } from '@/lib/keys/deps';

const row: AccountRow = {
  id: 'acc-1',
  label: 'Shop',
  username: 'shop',
  credentialCiphertext: 'v1.x.y.z',
  apiBaseUrl: 'http://127.0.0.1:9/json',
  capabilities: {},
  keysVersion: 4n,
};

function prismaAnswering(answer: AccountRow | null) {
  const asked: unknown[] = [];
  const prisma = {
    account: { findUnique: async (query: unknown) => (asked.push(query), answer) },
  } as unknown as KeyServiceDeps['prisma'];
  return { prisma, asked };
}

describe('loading the account a service acts on', () => {
  it('uses the row withPermission read with the session, without asking again', async () => {
    const { prisma, asked } = prismaAnswering(null);
    await expect(loadAccount({ prisma, account: row }, 'acc-1')).resolves.toBe(row);
    expect(asked).toHaveLength(0);
  });

  it('reads the account when the request named none, or another one', async () => {
    const other = { ...row, id: 'acc-2' };
    const { prisma, asked } = prismaAnswering(other);
    await expect(loadAccount({ prisma }, 'acc-2')).resolves.toBe(other);
    await expect(loadAccount({ prisma, account: row }, 'acc-2')).resolves.toBe(other);
    expect(asked).toHaveLength(2);
  });

  it('says so when there is no such account', async () => {
    const { prisma } = prismaAnswering(null);
    await expect(loadAccount({ prisma }, 'missing')).rejects.toThrow('There is no such sendSMS account.');
  });
});
