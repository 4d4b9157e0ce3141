import { encode } from 'next-auth/jwt';
import { afterEach, describe, expect, it, vi } from 'vitest';

const SECRET = 'unit-test-session-secret-'.padEnd(48, 'x');
process.env.NEXTAUTH_SECRET = SECRET;
const { readSessionToken } = await import('@/lib/auth/session-cookie');

afterEach(() => {
  vi.useRealTimers();
});

describe('reading the session cookie', () => {
  it('reads a valid cookie, and again from memory, until it expires', async () => {
    vi.useFakeTimers({ toFake: ['Date'] });
    const cookie = await encode({ token: { sub: 'user-1', role: 'LEAD' }, secret: SECRET, maxAge: 60 });
    expect(await readSessionToken(cookie)).toMatchObject({ sub: 'user-1', role: 'LEAD' });
    expect(await readSessionToken(cookie)).toMatchObject({ sub: 'user-1' });
    vi.setSystemTime(Date.now() + 61_000);
    expect(await readSessionToken(cookie)).toBeNull();
  });

  it('refuses a cookie sealed with another secret, a tampered one and garbage', async () => {
    const foreign = await encode({ token: { sub: 'user-2' }, secret: 'another-secret-'.padEnd(48, 'y'), maxAge: 60 });
    expect(await readSessionToken(foreign)).toBeNull();
    const valid = await encode({ token: { sub: 'user-3' }, secret: SECRET, maxAge: 60 });
    const tampered = `${valid.slice(0, -4)}${valid.slice(-4) === 'AAAA' ? 'BBBB' : 'AAAA'}`;
    expect(await readSessionToken(tampered)).toBeNull();
    expect(await readSessionToken('not-a-token')).toBeNull();
    expect(await readSessionToken(undefined)).toBeNull();
  });

  it('refuses a token without a user id', async () => {
    const anonymous = await encode({ token: { role: 'ADMIN' }, secret: SECRET, maxAge: 60 });
    expect(await readSessionToken(anonymous)).toBeNull();
  });
});
