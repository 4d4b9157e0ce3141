import { describe, expect, it } from 'vitest';
import { isCrossOriginWrite } from '@/lib/auth/same-origin';

const request = (method: string, headers: Record<string, string>) =>
  new Request('http://127.0.0.1:3000/api/users', { method, headers: { host: '127.0.0.1:3000', ...headers } });

describe('isCrossOriginWrite', () => {
  it('refuses a write whose Origin or Sec-Fetch-Site names another site', () => {
    expect(isCrossOriginWrite(request('POST', { origin: 'https://attacker.example' }))).toBe(true);
    expect(isCrossOriginWrite(request('DELETE', { 'sec-fetch-site': 'cross-site' }))).toBe(true);
    expect(isCrossOriginWrite(request('POST', { origin: 'null' }))).toBe(true);
  });

  it('lets same-origin writes, reads and non-browser clients through', () => {
    expect(
      isCrossOriginWrite(request('POST', { origin: 'http://127.0.0.1:3000', 'sec-fetch-site': 'same-origin' })),
    ).toBe(false);
    expect(isCrossOriginWrite(request('GET', { origin: 'https://attacker.example' }))).toBe(false);
    expect(isCrossOriginWrite(request('POST', {}))).toBe(false);
  });
});
