import { describe, expect, it } from 'vitest';
import { hasMalformedEncoding } from '@/lib/http/malformed-path';

describe('hasMalformedEncoding', () => {
  it.each([
    ['/api/accounts/%E0%A4%A/keys'],
    ['/api/users/%ZZ'],
    ['/accounts/%/api-keys'],
    ['/api/accounts/%ED%A0%80'],
    ['/api/accounts/%FF'],
  ])('%s is malformed', (pathname) => {
    expect(hasMalformedEncoding(pathname)).toBe(true);
  });

  it.each([
    ['/api/accounts/abc/keys'],
    ['/api/accounts/abc%20def'],
    ['/accounts/%E0%A4%A4/api-keys'],
    ['/api/accounts/%00'],
  ])('%s is not', (pathname) => {
    expect(hasMalformedEncoding(pathname)).toBe(false);
  });
});
