import { describe, expect, it } from 'vitest';
import { readUsageFilter, usageHref } from '@/lib/usage/usage-filter-params';

describe('usage filter in the URL', () => {
  it('reads a view and writes it back without its defaults', () => {
    const { filter, refused } = readUsageFilter({ range: '90d', keys: 'idle-60', sort: 'lastUsed', dir: 'asc' });
    expect(refused).toEqual([]);
    expect(filter).toEqual({ range: '90d', keys: 'idle-60', sort: 'lastUsed', dir: 'asc' });
    expect(usageHref('/usage', { ...filter, keys: 'all' })).toBe('/usage?range=90d&sort=lastUsed&dir=asc');
    expect(usageHref('/api/usage/export', { range: '30d', keys: 'all', sort: 'uses', dir: 'desc' })).toBe(
      '/api/usage/export',
    );
  });

  it('drops a refused value, says why, and keeps the rest', () => {
    const { filter, refused } = readUsageFilter({ range: '5y', accountId: 'x;drop', keys: 'never-used' });
    expect(filter.range).toBe('30d');
    expect(filter.accountId).toBeUndefined();
    expect(filter.keys).toBe('never-used');
    expect(refused).toEqual(['range', 'accountId']);
  });
});
