import { describe, expect, it } from 'vitest';
import { credentialHealth } from '@/lib/accounts/credential-health';

const now = new Date('2026-11-22T12:00:00Z');
const daysAgo = (days: number) => new Date(now.getTime() - days * 86_400_000);

describe('credentialHealth', () => {
  it('warns about a password from day 23 and calls it expired from day 30', () => {
    expect(credentialHealth('PASSWORD', daysAgo(22), now).state).toBe('ok');
    expect(credentialHealth('PASSWORD', daysAgo(23), now)).toMatchObject({ ageDays: 23, state: 'expiring' });
    expect(credentialHealth('PASSWORD', daysAgo(23), now).advice).toContain('expires in 7 days');
    expect(credentialHealth('PASSWORD', daysAgo(30), now).state).toBe('expired');
  });

  it('recommends an API key for every password and never warns about a key', () => {
    expect(credentialHealth('PASSWORD', daysAgo(1), now).advice).toMatch(/API key/);
    expect(credentialHealth('API_KEY', daysAgo(400), now)).toEqual({ ageDays: 400, state: 'no-expiry', advice: null });
  });
});
