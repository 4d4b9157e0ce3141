import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createPrismaClient } from '@/lib/db/client';
import { applyMigrations } from '@/lib/db/migrate';
import type { PrismaClient } from '@/lib/generated/prisma/client';
import { createScratchDatabase } from '@/test/integration/support/database';
import { applyServerEnvironment, createWorld, routeRequest, sessionCookie, type TestWorld } from './session-world';

/**
 * "2FA is mandatory for admins" is one row that every signed-in request reads with the user. It is switched on
 * here in a database of this file's own: on the shared one it would lock out the admins of every other test file.
 */

const scratch = await createScratchDatabase('two_factor_required');
await applyMigrations(scratch.url);
applyServerEnvironment();
process.env.DATABASE_URL = scratch.url;

const accountRoute = await import('@/app/api/accounts/[accountId]/route');
const { writeAdminTwoFactorSetting } = await import('@/lib/auth/two-factor-policy');

let prisma: PrismaClient;
let world: TestWorld;

beforeAll(async () => {
  prisma = createPrismaClient(scratch.url);
  world = await createWorld(prisma);
});
afterAll(async () => {
  await prisma.$disconnect();
  const { getPrisma } = await import('@/lib/db/client');
  await getPrisma().$disconnect();
  await scratch.drop();
});

async function readAccount(userId: string) {
  const cookie = await sessionCookie(userId);
  return accountRoute.GET(routeRequest(`/api/accounts/${world.accountA}`, { method: 'GET', cookie }), {
    params: Promise.resolve({ accountId: world.accountA }),
  });
}

describe('two-factor authentication required for admins', () => {
  it('holds back an admin without 2FA until they enrol, and no one else, from the next request on', async () => {
    expect((await readAccount(world.users.admin)).status).toBe(200);

    await writeAdminTwoFactorSetting(prisma, true);
    const refused = await readAccount(world.users.admin);
    expect(refused.status).toBe(403);
    expect((await refused.json()).message).toBe(
      'Two-factor authentication is required for admins: enrol before continuing',
    );
    expect((await readAccount(world.users.lead)).status).toBe(200);

    await prisma.user.update({ where: { id: world.users.admin }, data: { totpEnabledAt: new Date() } });
    expect((await readAccount(world.users.admin)).status).toBe(200);

    await prisma.user.update({ where: { id: world.users.admin }, data: { totpEnabledAt: null } });
    await writeAdminTwoFactorSetting(prisma, false);
    expect((await readAccount(world.users.admin)).status).toBe(200);
  });
});
