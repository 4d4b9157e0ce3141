import { describe, expect, it } from 'vitest';
import { hasMalformedEncoding } from '@/lib/http/malformed-path';

describe('hasMalformedEncoding', () => {
  it.each([
    ['/api/accounts/%E0%A4%A/keys', true],
    ['/api/users/%ZZ', true],
    ['/accounts/%/api-keys', true],
    ['/api/accounts/%ED%A0%80', true],
    ['/api/accounts/%FF', true],
    ['/api/accounts/abc/keys', false],
    ['/api/accounts/abc%20def', false],
    ['/accounts/%E0%A4%A4/api-keys', false],
    ['/api/accounts/%00', false],
  ])('%s is malformed: %s', (pathname, malformed) => {
    expect(hasMalformedEncoding(pathname)).toBe(malformed);
  });
});
