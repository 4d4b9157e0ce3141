import { describe, expect, it } from 'vitest';
import { classifyKeySearch, isWholeKey } from '@/lib/key-search/classify-query';
import { keySearchSchema } from '@/lib/key-search/search-query';
import { keySearchHref, readKeySearch } from '@/lib/key-search/search-params';

describe('what a key search is about', () => {
  it('is an IP address when the IP parser takes it, in its stored normal form', () => {
    expect(classifyKeySearch(' 203.0.113.7 ')).toEqual({ kind: 'ip', address: '203.0.113.7' });
    expect(classifyKeySearch('2001:DB8:0:0::1')).toEqual({ kind: 'ip', address: '2001:db8::1' });
    expect(classifyKeySearch('[2001:db8::7]')).toEqual({ kind: 'ip', address: '2001:db8::7' });
  });

  it('searches names and accounts, and the fragment of a key, for anything else', () => {
    expect(classifyKeySearch('3f9a')).toEqual({ kind: 'text', text: '3f9a', fragment: '…3f9a' });
    // The last 4 of a longer piece are what ApiKey.fragment holds.
    expect(classifyKeySearch('c0ffee3f9a')).toEqual({ kind: 'text', text: 'c0ffee3f9a', fragment: '…3f9a' });
    expect(classifyKeySearch('magazin01')).toEqual({ kind: 'text', text: 'magazin01', fragment: '…in01' });
  });

  it('takes a fragment as the dashboard shows it, with its ellipsis', () => {
    expect(classifyKeySearch('…3f9a')).toEqual({ kind: 'text', text: '3f9a', fragment: '…3f9a' });
    expect(classifyKeySearch('...3f9a')).toEqual({ kind: 'text', text: '3f9a', fragment: '…3f9a' });
  });

  it('looks for no fragment in text with spaces or shorter than a fragment', () => {
    expect(classifyKeySearch('Shop plugin')).toEqual({ kind: 'text', text: 'Shop plugin', fragment: null });
    expect(classifyKeySearch('web')).toEqual({ kind: 'text', text: 'web', fragment: null });
  });

  it('does not take partial or malformed addresses for IPs', () => {
    expect(classifyKeySearch('203.0.113')).toMatchObject({ kind: 'text', text: '203.0.113' });
    expect(classifyKeySearch('1234')).toMatchObject({ kind: 'text', fragment: '…1234' });
    expect(classifyKeySearch('dead:beef')).toMatchObject({ kind: 'text' });
    expect(classifyKeySearch('203.0.113.7:8080')).toMatchObject({ kind: 'text' });
  });

  it('cuts a whole key to its fragment and searches no name with it', () => {
    const secret = '9b1de4c1a2f04e7d8c6b5a4f3e2d3f9a';
    expect(classifyKeySearch(secret)).toEqual({ kind: 'text', text: null, fragment: '…3f9a' });
    expect(isWholeKey(secret)).toBe(true);
    expect(isWholeKey('production-server-2024-key')).toBe(false);
    expect(isWholeKey('abcdefghijklmnopqrstuvwxyz')).toBe(false);
  });
});

describe('the search in the URL', () => {
  it('refuses what cannot be searched, with a sentence', () => {
    expect(keySearchSchema.safeParse({}).success).toBe(false);
    expect(keySearchSchema.safeParse({ q: 'ab' }).error?.issues[0]?.message).toMatch(/at least 3 characters/);
    expect(keySearchSchema.safeParse({ q: '…' }).success).toBe(false);
    expect(keySearchSchema.safeParse({ q: '...' }).success).toBe(false);
    expect(keySearchSchema.safeParse({ q: 'shop\u0000' }).success).toBe(false);
    expect(keySearchSchema.safeParse({ q: 'x'.repeat(500) }).error?.issues[0]?.message).toMatch(/at most 200/);
    expect(keySearchSchema.parse({ q: '  shop  ' })).toEqual({ q: 'shop' });
  });

  it('reads the page’s search, and says why one is refused', () => {
    expect(readKeySearch({})).toEqual({ state: 'empty' });
    expect(readKeySearch({ q: '  ' })).toEqual({ state: 'empty' });
    expect(readKeySearch({ q: 'ab' })).toMatchObject({ state: 'refused', q: 'ab' });
    expect(readKeySearch({ q: ' shop ' })).toEqual({ state: 'ready', q: 'shop' });
  });

  it('writes the page’s address, never with a whole key in it', () => {
    expect(keySearchHref('shop plugin')).toBe('/search?q=shop+plugin');
    expect(keySearchHref('9b1de4c1a2f04e7d8c6b5a4f3e2d3f9a')).toBe('/search?q=3f9a');
    expect(keySearchHref(null)).toBe('/search');
  });
});
