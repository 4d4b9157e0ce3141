import { describe, expect, it } from 'vitest';
import {
  DEFAULT_KEY_LIST_QUERY,
  KEY_SORTS,
  keyListParsers,
  keyListSearchParams,
  readKeyListQuery,
  type KeyListQuery,
} from '@/lib/keys/list-query';
import { parseKeyListQuery } from '@/lib/keys/list-query-strict';

describe('the keys list query', () => {
  it('defaults to the newest keys first, 50 a page, no search and no filter', () => {
    expect(DEFAULT_KEY_LIST_QUERY).toEqual({
      q: '',
      kind: null,
      lock: null,
      idle: null,
      sort: 'created',
      dir: 'desc',
      page: 1,
      size: 50,
    });
    expect(readKeyListQuery(new URLSearchParams())).toEqual(DEFAULT_KEY_LIST_QUERY);
  });

  it('reads every parameter the list offers', () => {
    expect(
      readKeyListQuery(
        new URLSearchParams('q=%20shop%20&kind=CLOUD&lock=awaiting&idle=idle&sort=useCount&dir=asc&page=4&size=20'),
      ),
    ).toEqual({
      q: 'shop',
      kind: 'CLOUD',
      lock: 'awaiting',
      idle: 'idle',
      sort: 'useCount',
      dir: 'asc',
      page: 4,
      size: 20,
    });
  });

  it('falls back to the default for each value it cannot read, keeping the others', () => {
    for (const [search, expected] of [
      ['sort=password&page=0&size=7&lock=awaiting', { lock: 'awaiting' }],
      ['kind=cloud&dir=up&page=2.5', {}],
      ['page=4x&size=1000&idle=sometimes', {}],
      ['page=100001&size=9&q=x', { q: 'x' }],
      [`q=${'x'.repeat(101)}&sort=name`, { sort: 'name' }],
      ['q=shop%00&dir=asc', { dir: 'asc' }],
      ['q=%0Ashop%09', { q: 'shop' }],
    ] as const) {
      expect(readKeyListQuery(new URLSearchParams(search)), search).toEqual({ ...DEFAULT_KEY_LIST_QUERY, ...expected });
    }
  });

  it('reads the first of repeated page parameters as Next.js passes them', () => {
    expect(readKeyListQuery({ kind: ['CLOUD', 'DEFAULT'], size: '100' })).toMatchObject({ kind: 'CLOUD', size: 100 });
  });

  it('round-trips through the URL, leaving defaults out', () => {
    const query: KeyListQuery = {
      ...DEFAULT_KEY_LIST_QUERY,
      q: 'shop',
      kind: 'DEFAULT',
      sort: 'lastUsed',
      dir: 'asc',
      page: 3,
    };
    const params = keyListSearchParams(query);
    expect(params.toString()).toBe('q=shop&kind=DEFAULT&sort=lastUsed&dir=asc&page=3');
    expect(readKeyListQuery(params)).toEqual(query);
    expect(keyListSearchParams(DEFAULT_KEY_LIST_QUERY).toString()).toBe('');
    for (const sort of KEY_SORTS)
      expect(readKeyListQuery(keyListSearchParams({ sort, size: 100, page: 100_000 }))).toMatchObject({
        sort,
        size: 100,
        page: 100_000,
      });
  });

  it('writes a search with spaces and punctuation so that it reads back the same', () => {
    const q = 'Shop & co: 50% off / ăîșț';
    expect(readKeyListQuery(keyListSearchParams({ q }))).toMatchObject({ q });
  });

  it('refuses a bad parameter at the endpoint, naming it, but drops only that one on the page', () => {
    const params = new URLSearchParams({ q: 'x', sort: 'password', page: '2' });
    const parsed = parseKeyListQuery(params);
    expect(parsed.success).toBe(false);
    if (parsed.success) return;
    expect(parsed.error.issues.map((issue) => issue.path)).toEqual([['sort']]);
    expect(parsed.error.issues[0]?.message).toMatch(/^Choose one of: name, kind, /);
    expect(readKeyListQuery(params)).toMatchObject({ q: 'x', sort: 'created', page: 2 });
  });

  it('refuses at the endpoint every value the page would drop, empty ones included', () => {
    for (const [name, value] of [
      ['q', 'a\u0000b'],
      ['kind', ''],
      ['lock', 'open'],
      ['idle', 'IDLE'],
      ['dir', 'up'],
      ['page', '0'],
      ['size', '2.5'],
    ] as const) {
      const parsed = parseKeyListQuery(new URLSearchParams({ [name]: value }));
      expect(parsed.success, `${name}=${value}`).toBe(false);
      expect(keyListParsers[name].parse(value), `${name}=${value}`).toBeNull();
    }
  });

  it('answers the endpoint a valid query exactly as the page reads it', () => {
    const params = new URLSearchParams('q=route&sort=name&dir=asc&size=10');
    expect(parseKeyListQuery(params)).toEqual({ success: true, data: readKeyListQuery(params) });
    expect(parseKeyListQuery(new URLSearchParams('q='))).toEqual({ success: true, data: DEFAULT_KEY_LIST_QUERY });
  });
});
