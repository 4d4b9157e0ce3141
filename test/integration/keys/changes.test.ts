import { describe, expect, it } from 'vitest';
import { authorizeKeyIp } from '@/lib/keys/authorize-ip-service';
import { deleteApiKey } from '@/lib/keys/delete-service';
import { getKeyDetail } from '@/lib/keys/detail-service';
import { generateApiKey } from '@/lib/keys/generate-service';
import { importApiKey } from '@/lib/keys/import-service';
import { listAccountKeys } from '@/lib/keys/list-service';
import { DEFAULT_KEY_LIST_QUERY } from '@/lib/keys/list-query';
import { refreshAccountKeys } from '@/lib/keys/refresh-service';
import { renameApiKey } from '@/lib/keys/rename-service';
import {
  createTestAccount,
  serviceDeps,
  keysWorld,
  defaultKey,
  cloudKey,
  accountWithKey,
  callWithKey,
} from '@/test/integration/keys/keys-fixture';
import { callOn, callOnKey } from '@/test/integration/keys/key-calls';

/** Every change to a key, its fallbacks, its refusals, and the audit row each one leaves. */

const world = keysWorld();

const auditOf = (accountId: string, action: string) =>
  world.prisma.auditEvent.findMany({ where: { accountId, action }, orderBy: { id: 'asc' } });

describe('generate', () => {
  it('falls back to the three-step flow when token_generate is missing, and says the kind is set on the hub', async () => {
    const account = await createTestAccount(world.prisma, world.sandbox);
    await world.sandbox.control.setFaults(account.username, { unsupported: ['token_generate'] });
    const generated = await generateApiKey(serviceDeps(world.prisma), callOn(account), {
      name: 'Shop plugin',
      kind: 'CLOUD',
      usageLabel: 'APP',
    });
    expect(generated).toMatchObject({
      via: 'authorize_application',
      kindSetOnHub: true,
      key: { name: 'Shop plugin', kind: 'CLOUD', usageLabel: 'APP' },
    });
    const snapshot = await world.sandbox.control.account(account.username);
    expect(snapshot!.keys.map((key) => key.secret)).toContain(generated.secret);
  });

  it('refuses support and lead staff, and users of other accounts', async () => {
    const account = await createTestAccount(world.prisma, world.sandbox);
    for (const actor of [account.lead, account.support, account.outsider]) {
      await expect(
        generateApiKey(serviceDeps(world.prisma), callOn(account, actor), defaultKey('x')),
      ).rejects.toMatchObject({ code: 'forbidden', httpStatus: 403 });
    }
    expect(await world.prisma.apiKey.count({ where: { accountId: account.accountId } })).toBe(0);
  });

  it('records a failed attempt when sendSMS refuses, and keeps nothing', async () => {
    const account = await createTestAccount(world.prisma, world.sandbox);
    await world.sandbox.control.setFaults(account.username, { status: -16 });
    await expect(generateApiKey(serviceDeps(world.prisma), callOn(account), defaultKey('x'))).rejects.toMatchObject({
      code: 'upstream-unavailable',
      retryable: true,
      message: expect.stringContaining('internal error'),
    });
    expect(await world.prisma.apiKey.count({ where: { accountId: account.accountId } })).toBe(0);
    expect(await auditOf(account.accountId, 'key.generate')).toEqual([
      expect.objectContaining({ outcome: 'failure', upstreamStatus: -16 }),
    ]);
  });
});

describe('import a key made on the hub', () => {
  it('checks the pasted secret with sendSMS before saving it, and takes its IP list', async () => {
    const secret = 'a1b2c3d4e5f60718293a4b5c6d7e8f90';
    const account = await createTestAccount(world.prisma, world.sandbox, [
      { name: 'Made on the hub', kind: 'default', secret, ips: ['192.0.2.50'] },
    ]);
    const deps = serviceDeps(world.prisma);
    await expect(
      importApiKey(deps, account.admin, account.accountId, {
        secret: 'ffffffffffffffffffffffffffffffff',
        name: 'Wrong',
        kind: 'DEFAULT',
        usageLabel: 'DEFAULT',
      }),
    ).rejects.toMatchObject({
      code: 'invalid',
      httpStatus: 422,
      options: { field: 'secret', upstreamStatus: -8 },
    });
    const imported = await importApiKey(deps, account.admin, account.accountId, {
      secret,
      name: 'Hub key',
      kind: 'DEFAULT',
      usageLabel: 'SMPP',
    });
    expect(imported.key).toMatchObject({
      name: 'Hub key',
      origin: 'IMPORTED',
      lockedIps: [expect.objectContaining({ address: '192.0.2.50' })],
    });
    expect(imported.key.lockedAt).not.toBeNull();
    await expect(
      importApiKey(deps, account.admin, account.accountId, {
        secret,
        name: 'Again',
        kind: 'DEFAULT',
        usageLabel: 'DEFAULT',
      }),
    ).rejects.toMatchObject({ code: 'conflict' });
    expect((await auditOf(account.accountId, 'key.import')).map((event) => event.outcome)).toEqual([
      'failure',
      'success',
      'failure',
    ]);
  });
});

describe('rename', () => {
  it('changes the dashboard label only, and says which name sendSMS knows', async () => {
    const { account, deps, generated } = await accountWithKey(world);
    expect(await renameApiKey(deps, callOnKey(account, generated.key.id), 'Checkout server')).toEqual({
      name: 'Checkout server',
      upstreamName: 'API Key Test',
      upstreamKnowsName: true,
    });
    await expect(renameApiKey(deps, callOnKey(account, generated.key.id, account.lead), 'Nope')).rejects.toMatchObject({
      code: 'forbidden',
      httpStatus: 403,
    });
    expect((await auditOf(account.accountId, 'key.rename'))[0]!.params).toEqual({
      from: 'API Key Test',
      to: 'Checkout server',
    });
  });
});

describe('delete', () => {
  it('asks for the typed name, warns while in use, revokes with token_delete', async () => {
    const { account, deps, generated } = await accountWithKey(world, cloudKey('Website orders'));
    await callWithKey(world.sandbox, account, generated.secret, '192.0.2.7');
    await refreshAccountKeys(deps, account.admin, account.accountId, { trigger: 'manual' });
    const detail = await getKeyDetail(deps, account.admin, account.accountId, generated.key.id);
    expect(detail.inUse).toMatchObject({ useCount: 1 });

    await expect(deleteApiKey(deps, callOnKey(account, generated.key.id), 'website orders')).rejects.toMatchObject({
      code: 'invalid',
      options: { field: 'confirmName' },
    });
    expect(await deleteApiKey(deps, callOnKey(account, generated.key.id), 'Website orders')).toEqual({
      revokedUpstream: true,
      revokeAt: null,
    });
    expect((await world.sandbox.control.account(account.username))!.keys).toEqual([]);
    const row = await world.prisma.apiKey.findUniqueOrThrow({ where: { id: generated.key.id } });
    expect(row.deletedAt).not.toBeNull();
    expect(row.secretCiphertext).toBeNull();
    expect((await listAccountKeys(deps, callOn(account), DEFAULT_KEY_LIST_QUERY)).total).toBe(0);
    expect((await auditOf(account.accountId, 'key.delete')).map((event) => event.outcome)).toEqual([
      'failure',
      'success',
    ]);
  });

  it('without token_delete, removes the key here and links to the hub to revoke it', async () => {
    const { account, deps, generated } = await accountWithKey(world, defaultKey('Old plugin'));
    await world.sandbox.control.setFaults(account.username, { unsupported: ['token_delete'] });
    const result = await deleteApiKey(deps, callOnKey(account, generated.key.id), 'Old plugin');
    expect(result.revokedUpstream).toBe(false);
    expect(result.revokeAt).toMatch(/^https:\/\/hub\.sendsms\.ro/);
    expect((await world.sandbox.control.account(account.username))!.keys).toHaveLength(1);
  });

  it('removes nothing when sendSMS is down', async () => {
    const { account, deps, generated } = await accountWithKey(world, defaultKey('Keep me'));
    await world.sandbox.control.setFaults(account.username, { httpStatus: 503 });
    await expect(deleteApiKey(deps, callOnKey(account, generated.key.id), 'Keep me')).rejects.toMatchObject({
      code: 'upstream-unavailable',
      retryable: true,
    });
    expect((await world.prisma.apiKey.findUniqueOrThrow({ where: { id: generated.key.id } })).deletedAt).toBeNull();
  });
});

describe('authorize an IP', () => {
  it('validates the address, answers a duplicate as already listed, and records refusals', async () => {
    const { account, deps, generated } = await accountWithKey(world, defaultKey('Default one'));
    const first = await authorizeKeyIp(deps, callOnKey(account, generated.key.id), { ip: '192.0.2.10' });
    expect(first).toMatchObject({
      alreadyListed: false,
      lockedIps: [expect.objectContaining({ address: '192.0.2.10', reason: 'WHITELISTED' })],
    });
    expect((await authorizeKeyIp(deps, callOnKey(account, generated.key.id), { ip: '192.0.2.10' })).alreadyListed).toBe(
      true,
    );
    await expect(
      authorizeKeyIp(deps, callOnKey(account, generated.key.id, account.support), { ip: '192.0.2.11' }),
    ).rejects.toMatchObject({ code: 'forbidden', httpStatus: 403 });
    await world.sandbox.control.setFaults(account.username, { status: -4096 });
    await expect(
      authorizeKeyIp(deps, callOnKey(account, generated.key.id), { ip: '192.0.2.12' }),
    ).rejects.toMatchObject({ code: 'rate-limited', httpStatus: 429, options: { upstreamStatus: -4096 } });
    const detail = await getKeyDetail(deps, account.admin, account.accountId, generated.key.id);
    expect(detail.key.lockedIps.map((ip) => ip.address)).toEqual(['192.0.2.10']);
    expect(
      (await auditOf(account.accountId, 'ip.authorize')).map((event) => `${event.outcome}:${event.upstreamStatus}`),
    ).toEqual(['success:0', 'success:-512', 'failure:-4096']);
  });
});
