import { describe, expect, it } from 'vitest';
import { createKeyListCache, type KeyListSnapshot } from '@/lib/keys/list-cache';
import { DEFAULT_KEY_LIST_QUERY, type KeyListQuery } from '@/lib/keys/list-query';

const query: KeyListQuery = { ...DEFAULT_KEY_LIST_QUERY };
const snapshot = (total: number): KeyListSnapshot => ({
  keys: [],
  total,
  pending: [],
  ips: new Map(),
  recentUses: new Map(),
  fetched: { usageFetchedAt: null, ipsOldestFetchedAt: null, ipsNewestFetchedAt: null, hasKeys: total > 0 },
});

function counted(total: number) {
  const load = async () => {
    load.calls += 1;
    return snapshot(total);
  };
  load.calls = 0;
  return load;
}

describe('the keys list cache', () => {
  it('answers the same page of the same version from memory', async () => {
    const cache = createKeyListCache();
    const load = counted(7);
    expect((await cache.read('account', 3n, query, load)).total).toBe(7);
    expect((await cache.read('account', 3n, query, load)).total).toBe(7);
    expect(load.calls).toBe(1);
  });

  it('reads again when the version moves, or for another page, account or search', async () => {
    const cache = createKeyListCache();
    const load = counted(7);
    await cache.read('account', 3n, query, load);
    await cache.read('account', 4n, query, load);
    await cache.read('account', 4n, { ...query, page: 2 }, load);
    await cache.read('account', 4n, { ...query, q: 'shop' }, load);
    await cache.read('account', 4n, { ...query, idle: 'idle' }, load);
    await cache.read('other', 4n, query, load);
    expect(load.calls).toBe(6);
  });

  it('shares one read between identical requests that arrive together', async () => {
    const cache = createKeyListCache();
    const load = counted(1);
    await Promise.all(Array.from({ length: 20 }, () => cache.read('account', 1n, query, load)));
    expect(load.calls).toBe(1);
  });

  it('keeps the page read, not the promise of the request that read it (which would keep that request alive)', async () => {
    const cache = createKeyListCache();
    const load = counted(4);
    const first = cache.read('account', 1n, query, load);
    await first;
    const second = cache.read('account', 1n, query, load);
    expect(second).not.toBe(first);
    expect(await second).toBe(await first);
    expect(load.calls).toBe(1);
  });

  it('keeps a page a minute at most: the idle filter moves with the clock', async () => {
    let clock = 0;
    const cache = createKeyListCache({ now: () => clock });
    const load = counted(1);
    await cache.read('account', 1n, query, load);
    clock = 59_999;
    await cache.read('account', 1n, query, load);
    clock = 60_000;
    await cache.read('account', 1n, query, load);
    expect(load.calls).toBe(2);
  });

  it('does not keep a failed read', async () => {
    const cache = createKeyListCache();
    await expect(cache.read('account', 1n, query, () => Promise.reject(new Error('database down')))).rejects.toThrow(
      'database down',
    );
    const load = counted(2);
    expect((await cache.read('account', 1n, query, load)).total).toBe(2);
    expect(load.calls).toBe(1);
  });

  it('drops the least recently used page when full', async () => {
    const cache = createKeyListCache({ maxEntries: 2 });
    const load = counted(1);
    await cache.read('a', 1n, query, load);
    await cache.read('b', 1n, query, load);
    await cache.read('a', 1n, query, load); // a is now the most recent
    await cache.read('c', 1n, query, load); // b goes
    expect(cache.size).toBe(2);
    await cache.read('a', 1n, query, load);
    expect(load.calls).toBe(3);
    await cache.read('b', 1n, query, load);
    expect(load.calls).toBe(4);
  });
});
