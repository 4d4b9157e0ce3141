import { describe, expect, it } from 'vitest';
import { keyListQueryFromUrl } from '@/lib/keys/list-query-url';
import {
  DEFAULT_KEY_LIST_QUERY,
  keyListQuerySchema,
  keyListSearchParams,
  parseKeyListQuery,
  readKeyListQuery,
} from '@/lib/keys/list-query';

describe('the keys list query', () => {
  it('has the same defaults in the schema and in the zod-free URL module', () => {
    expect(keyListQuerySchema.parse({})).toEqual(DEFAULT_KEY_LIST_QUERY);
  });

  it('reads the URL the same way in the browser (no zod) as on the server', () => {
    for (const search of [
      '',
      'q=%20shop%20&kind=CLOUD&sort=useCount&dir=asc&page=4&size=20',
      'sort=password&page=0&size=7&lock=awaiting&idle=idle',
      'kind=cloud&dir=up&page=2.5',
    ]) {
      const params = new URLSearchParams(search);
      expect(keyListQueryFromUrl(params), search).toEqual(readKeyListQuery(params));
    }
  });

  it('round-trips through the URL, leaving defaults out', () => {
    const query = {
      ...DEFAULT_KEY_LIST_QUERY,
      q: 'shop',
      kind: 'DEFAULT' as const,
      sort: 'lastUsed' as const,
      dir: 'asc' as const,
      page: 3,
    };
    const params = keyListSearchParams(query);
    expect(params.toString()).toBe('q=shop&kind=DEFAULT&sort=lastUsed&dir=asc&page=3');
    expect(readKeyListQuery(params)).toEqual(query);
    expect(keyListSearchParams(DEFAULT_KEY_LIST_QUERY).toString()).toBe('');
  });

  it('refuses a bad parameter at the endpoint but drops only that one on the page', () => {
    const params = new URLSearchParams({ q: 'x', sort: 'password', page: '2' });
    expect(parseKeyListQuery(params).success).toBe(false);
    expect(readKeyListQuery(params)).toMatchObject({ q: 'x', sort: 'created', page: 2 });
  });

  it('reads the first of repeated page parameters as Next.js passes them', () => {
    expect(readKeyListQuery({ kind: ['CLOUD', 'DEFAULT'], size: '100' })).toMatchObject({ kind: 'CLOUD', size: 100 });
  });
});
