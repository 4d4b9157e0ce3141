import { afterAll, beforeAll, describe, expect, it } from 'vitest';

import { loadSessionUser } from '@/lib/auth/session-user-lookup';
import type { PrismaClient } from '@/lib/generated/prisma/client';
import {
  applyServerEnvironment,
  createWorld,
  routeRequest,
  sessionCookie,
  type RouteHandler,
  type TestWorld,
} from '@/test/integration/auth/session-world';
import { testPrisma } from '@/test/integration/support/database';

/**
 * A user's language and time zone are kept on their account (PUT /api/preferences), read back with the session on
 * every request, mirrored in the language cookie for the sign-in page, and refused plainly when unusable.
 */

let prisma: PrismaClient;
let world: TestWorld;
let route: { PUT: RouteHandler };

beforeAll(async () => {
  applyServerEnvironment();
  prisma = testPrisma();
  world = await createWorld(prisma);
  route = (await import('@/app/api/preferences/route')) as unknown as typeof route;
});
afterAll(async () => {
  await prisma?.$disconnect();
});

async function put(userId: string, body: unknown) {
  const cookie = await sessionCookie(userId);
  const response = await route.PUT(routeRequest('/api/preferences', { method: 'PUT', cookie, body }), {
    params: Promise.resolve({}),
  });
  return { status: response.status, cookies: response.headers.getSetCookie(), body: await response.json() };
}

describe('PUT /api/preferences', () => {
  it('keeps the language and zone on the account, where the next request reads them', async () => {
    const saved = await put(world.users.lead, { locale: 'ro', timeZone: 'Europe/Bucharest' });
    expect(saved.status, JSON.stringify(saved.body)).toBe(200);
    expect(saved.body).toEqual({ locale: 'ro', timeZone: 'Europe/Bucharest' });
    expect(saved.cookies.some((cookie) => cookie.startsWith('NEXT_LOCALE=ro'))).toBe(true);
    const state = await loadSessionUser({ sub: world.users.lead, sv: 0, sid: 'preferences-test' });
    expect(state?.preferences).toEqual({ locale: 'ro', timeZone: 'Europe/Bucharest' });

    // The zone alone, back to "the browser's own": the language stays.
    const cleared = await put(world.users.lead, { timeZone: null });
    expect(cleared.body).toEqual({ locale: 'ro', timeZone: null });
  });

  it('refuses an unknown language, an unknown zone, a NUL and an empty change with 422, changing nothing', async () => {
    await put(world.users.support, { locale: 'en', timeZone: 'UTC' });
    for (const body of [
      { locale: 'de' },
      { timeZone: 'Mars/Olympus_Mons' },
      { timeZone: 'Europe/Bucharest\u0000' },
      { locale: 'ro\u0000' },
      {},
      { locale: 'ro', extra: 1 },
    ]) {
      const answer = await put(world.users.support, body);
      expect(answer.status, JSON.stringify(body)).toBe(422);
      expect(typeof answer.body.message).toBe('string');
    }
    // Said in the language the user chose (English here), never as zod's default text.
    expect((await put(world.users.support, { locale: 'de' })).body.message).toBe('Choose English or Romanian.');
    const row = await prisma.user.findUniqueOrThrow({ where: { id: world.users.support } });
    expect({ locale: row.locale, timeZone: row.timeZone }).toEqual({ locale: 'en', timeZone: 'UTC' });
  });
});
