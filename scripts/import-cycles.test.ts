import { describe, expect, it } from 'vitest';
import { describeCycles, findImportCycles, folderGraph, type ImportGraph } from './import-cycles';

const graph = (edges: Record<string, string[]>): ImportGraph => new Map(Object.entries(edges));

describe('the import-cycle check', () => {
  it('finds two files that import each other', () => {
    const cyclic = graph({ 'a/x.ts': ['a/y.ts'], 'a/y.ts': ['a/x.ts'] });
    expect(findImportCycles(cyclic).files).toEqual([['a/x.ts', 'a/y.ts']]);
    expect(describeCycles(cyclic, findImportCycles(cyclic))).toContain('a/x.ts');
  });

  it('finds folders that import each other through a third, though no file cycle exists', () => {
    const cyclic = graph({
      'lib/auth/gate.ts': ['lib/audit/record.ts'],
      'lib/audit/query.ts': ['lib/users/service.ts'],
      'lib/users/service.ts': ['lib/auth/permissions.ts'],
      'lib/audit/record.ts': [],
      'lib/auth/permissions.ts': [],
    });
    const cycles = findImportCycles(cyclic);
    expect(cycles.files).toEqual([]);
    expect(cycles.folders).toEqual([['lib/audit', 'lib/auth', 'lib/users']]);
    const report = describeCycles(cyclic, cycles);
    expect(report).toContain('lib/auth/gate.ts -> lib/audit/record.ts');
    expect(report).toContain('lib/users/service.ts -> lib/auth/permissions.ts');
  });

  it('passes a layered graph, and imports within one folder never make a folder cycle', () => {
    const layered = graph({
      'lib/keys/service.ts': ['lib/keys/repository.ts', 'lib/auth/permissions.ts'],
      'lib/keys/repository.ts': [],
      'lib/auth/permissions.ts': [],
    });
    expect(findImportCycles(layered)).toEqual({ files: [], folders: [] });
    expect(describeCycles(layered, findImportCycles(layered))).toBe('');
    expect(folderGraph(layered).get('lib/keys')).toEqual(['lib/auth']);
  });
});
