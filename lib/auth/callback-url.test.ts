import { describe, expect, it } from 'vitest';
import { safeCallbackUrl } from '@/lib/auth/callback-url';

describe('safeCallbackUrl', () => {
  it('keeps a path on this dashboard, query included', () => {
    expect(safeCallbackUrl('/audit?action=auth')).toBe('/audit?action=auth');
  });

  it.each(['https://evil.example', '//evil.example', '/\\evil.example', '/login?x=1', undefined, ''])(
    'sends %s home',
    (value) => {
      expect(safeCallbackUrl(value)).toBe('/');
    },
  );
});
