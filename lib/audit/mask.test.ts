import { describe, expect, it } from 'vitest';
import { maskSecrets } from '@/lib/audit/mask';

describe('maskSecrets', () => {
  it('masks secrets by name at any depth and keeps the rest', () => {
    expect(
      maskSecrets({
        ipaddr: '198.51.100.20',
        token: '0123456789abcdef',
        nested: { password: 'pw', username: 'shop', list: [{ apiKey: 'k' }, { name: 'x' }] },
        credential: '',
        request_key: 'rk',
        totpCode: '123456',
      }),
    ).toEqual({
      ipaddr: '198.51.100.20',
      token: '***',
      nested: { password: '***', username: 'shop', list: [{ apiKey: '***' }, { name: 'x' }] },
      credential: '',
      request_key: '***',
      totpCode: '***',
    });
  });
});
