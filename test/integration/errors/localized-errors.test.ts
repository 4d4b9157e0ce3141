import '@/test/integration/support/server-environment';
import { NextRequest } from 'next/server';
import { describe, expect, it } from 'vitest';
import * as credentialRoute from '@/app/api/accounts/[accountId]/credential/route';
import * as ipsRoute from '@/app/api/accounts/[accountId]/keys/[keyId]/ips/route';
import * as keyRoute from '@/app/api/accounts/[accountId]/keys/[keyId]/route';
import * as keysRoute from '@/app/api/accounts/[accountId]/keys/route';
import { proxy } from '@/proxy';
import { routeRequest, sessionCookie, sessionWorld } from '@/test/integration/auth/session-world';

/**
 * Every refusal is answered in the reader's language: the signed-in user's choice, else the language cookie, else
 * Accept-Language, so a caller without a session is answered in its browser's language too. The English is the
 * sentence every other test asserts; here the same refusals come back in Romanian, and a 500 stays generic.
 */

type Handler = (request: never, context: never) => Promise<Response>;

const { prisma, world } = await sessionWorld();

async function call(
  handler: Handler,
  url: string,
  init: {
    method: string;
    userId?: string;
    body?: unknown;
    params?: Record<string, string>;
    headers?: Record<string, string>;
    cookie?: string;
  },
) {
  const session = init.userId ? await sessionCookie(init.userId) : undefined;
  const cookie = [session, init.cookie].filter(Boolean).join('; ') || undefined;
  const response = await handler(
    routeRequest(url, { method: init.method, cookie, body: init.body, headers: init.headers }) as never,
    { params: Promise.resolve(init.params ?? {}) } as never,
  );
  return {
    status: response.status,
    language: response.headers.get('content-language'),
    body: (await response.json()) as { error: string; message: string; issues?: { path: string; message: string }[] },
  };
}

const ro = { 'accept-language': 'ro-RO,ro;q=0.9,en;q=0.8' };
const keysUrl = `/api/accounts/${world.accountA}/keys`;
const generate = { name: 'Site', kind: 'CLOUD', usageLabel: 'CLOUD' };

describe('errors in the reader’s language', () => {
  it('tells a caller without a session, whose browser asks for Romanian, in Romanian', async () => {
    const answer = await call(keysRoute.GET, keysUrl, {
      method: 'GET',
      headers: ro,
      params: { accountId: world.accountA },
    });
    expect(answer).toMatchObject({
      status: 401,
      language: 'ro',
      body: {
        error: 'unauthenticated',
        message: 'Sesiunea dvs. s-a încheiat: autentificați-vă din nou pentru a continua',
      },
    });
    const english = await call(keysRoute.GET, keysUrl, { method: 'GET', params: { accountId: world.accountA } });
    expect(english.body.message).toBe('Your session has ended: sign in again to continue');
  });

  it('says why a role may not, in Romanian; the audit log keeps the English', async () => {
    const answer = await call(keysRoute.POST, keysUrl, {
      method: 'POST',
      userId: world.users.lead,
      headers: ro,
      body: generate,
      params: { accountId: world.accountA },
    });
    expect(answer).toMatchObject({
      status: 403,
      body: { error: 'forbidden', message: 'Un team lead nu poate genera, redenumi sau șterge chei API' },
    });
    const denial = await prisma.auditEvent.findFirst({
      where: { actorId: world.users.lead, action: 'access.denied' },
      orderBy: { id: 'desc' },
    });
    expect((denial?.params as { reason?: string } | null)?.reason).toBe(
      'A team lead cannot generate, rename or delete API keys',
    );

    const foreign = await call(keysRoute.GET, `/api/accounts/${world.accountB}/keys`, {
      method: 'GET',
      userId: world.users.lead,
      headers: ro,
      params: { accountId: world.accountB },
    });
    expect(foreign).toMatchObject({ status: 403, body: { message: 'Nu sunteți membru al acestui cont sendSMS' } });
  });

  it('says what is wrong with each field in Romanian, the address typed named in it', async () => {
    const key = await prisma.apiKey.create({
      data: {
        accountId: world.accountA,
        name: 'Localized',
        kind: 'DEFAULT',
        usageLabel: 'DEFAULT',
        fragment: 'wxyz',
        secretFingerprint: `fp-localized-${Math.random()}`,
        origin: 'IMPORTED',
      },
    });
    const params = { accountId: world.accountA, keyId: key.id };
    const url = `${keysUrl}/${key.id}/ips`;
    const answer = await call(ipsRoute.POST, url, {
      method: 'POST',
      userId: world.users.admin,
      headers: ro,
      body: { ip: '256.1.1.1' },
      params,
    });
    expect(answer).toMatchObject({
      status: 422,
      body: {
        error: 'invalid',
        message: '„256” este mai mare decât 255, cel mai mare număr dintr-o adresă IPv4',
        issues: [{ path: 'ip', message: '„256” este mai mare decât 255, cel mai mare număr dintr-o adresă IPv4' }],
      },
    });
    const english = await call(ipsRoute.POST, url, {
      method: 'POST',
      userId: world.users.admin,
      body: { ip: '256.1.1.1' },
      params,
    });
    expect(english.body.message).toBe('"256" is more than 255, the largest number in an IPv4 address');

    const confirm = await call(keyRoute.DELETE, `${keysUrl}/${key.id}`, {
      method: 'DELETE',
      userId: world.users.admin,
      headers: ro,
      body: { confirmName: 'Other' },
      params,
    });
    expect(confirm).toMatchObject({
      status: 422,
      body: { message: 'Tastați numele cheii, „Localized”, pentru a confirma.' },
    });
  });

  it('follows the user’s own choice over the browser, and the language cookie before sign-in', async () => {
    await prisma.user.update({ where: { id: world.users.admin }, data: { locale: 'ro' } });
    try {
      const missing = await call(keyRoute.GET, `${keysUrl}/nosuchkey`, {
        method: 'GET',
        userId: world.users.admin,
        headers: { 'accept-language': 'en-US,en' },
        params: { accountId: world.accountA, keyId: 'nosuchkey' },
      });
      expect(missing).toMatchObject({
        status: 404,
        body: { error: 'not-found', message: 'Nu există o astfel de cheie în acest cont.' },
      });
    } finally {
      await prisma.user.update({ where: { id: world.users.admin }, data: { locale: null } });
    }
    const cookie = await call(keysRoute.GET, keysUrl, {
      method: 'GET',
      cookie: 'NEXT_LOCALE=ro',
      params: { accountId: world.accountA },
    });
    expect(cookie.body.message).toBe('Sesiunea dvs. s-a încheiat: autentificați-vă din nou pentru a continua');
  });

  it('says sendSMS could not be reached, and that nothing was saved, in Romanian', async () => {
    // The world's accounts point at a port nothing listens on: the credential check cannot reach sendSMS.
    const answer = await call(credentialRoute.PUT, `/api/accounts/${world.accountA}/credential`, {
      method: 'PUT',
      userId: world.users.admin,
      headers: ro,
      body: { credential: 'new-password', credentialKind: 'PASSWORD' },
      params: { accountId: world.accountA },
    });
    expect(answer.status).toBe(503);
    expect(answer.body.message).toMatch(
      /^sendSMS este ocupat sau are probleme, așa că datele de autentificare nu au putut fi verificate: .+ Nu s-a salvat nimic\.$/,
    );
  });

  it('refuses a malformed address in the browser’s language, before any route runs', async () => {
    const request = new NextRequest(new URL('http://127.0.0.1:3000/api/accounts/%E0%A4%A/keys'), { headers: ro });
    const response = await proxy(request);
    expect(response.status).toBe(400);
    expect(await response.json()).toMatchObject({
      error: 'bad-address',
      message:
        'Adresa nu este validă: orice % din ea trebuie urmat de două cifre hexazecimale care codifică text UTF-8',
    });
  });
});
