import path from 'node:path';
import { parseDependencyTree, type DependencyTree } from 'dpdm';

/**
 * Fails `npm run lint` on an import cycle, between files or between folders. A file cycle breaks module
 * initialisation order; a folder cycle (lib/auth imports lib/accounts, which imports lib/auth, even through other
 * folders) means neither folder can be understood, tested or moved without the other. Type-only imports are
 * skipped: they vanish at compile time and cannot make a cycle at run time. A folder is a file's directory
 * (lib/auth, components/keys), so the fix for a folder cycle is to move the shared piece down.
 * Run by `npm run lint` through scripts/check-import-cycles.ts.
 */

/** What the project's own code is made of; tests may import across freely. */
const ENTRIES = [
  'lib/**/*.{ts,tsx}',
  'components/**/*.{ts,tsx}',
  'app/**/*.{ts,tsx}',
  'scripts/**/*.{ts,tsx,mjs}',
  'proxy.ts',
  'instrumentation.ts',
];
const EXCLUDED = /(\.test\.tsx?$)|(^|\/)(node_modules|lib\/generated)\/|^node:/;
/** Code the project wrote: JSON and other assets imported for their data are no part of a cycle. */
const CODE = /\.(ts|tsx|mts|cts|js|jsx|mjs|cjs)$/;

/** Imports between the project's files: file -> the files it imports (at run time). */
export type ImportGraph = ReadonlyMap<string, readonly string[]>;

export interface ImportCycles {
  /** Each a group of files that import one another (a strongly connected component of two or more files). */
  files: string[][];
  /** Each a group of folders that import one another, directly or through other folders. */
  folders: string[][];
}

/** The graph from dpdm's tree: only the project's own files, with unresolved and external imports left out. */
export function graphFromTree(tree: DependencyTree): ImportGraph {
  const graph = new Map<string, string[]>();
  for (const [file, dependencies] of Object.entries(tree)) {
    if (dependencies === null || EXCLUDED.test(file)) continue;
    const targets = dependencies
      .map((dependency) => dependency.id)
      .filter(
        (id): id is string => id !== null && CODE.test(id) && id in tree && tree[id] !== null && !EXCLUDED.test(id),
      );
    graph.set(file, [...new Set(targets)]);
  }
  return graph;
}

/** The folder graph: folder -> the other folders its files import. */
export function folderGraph(graph: ImportGraph): ImportGraph {
  const folders = new Map<string, Set<string>>();
  for (const [file, targets] of graph) {
    const from = path.posix.dirname(file);
    const edges = folders.get(from) ?? new Set<string>();
    folders.set(from, edges);
    for (const target of targets) {
      const to = path.posix.dirname(target);
      if (to !== from) edges.add(to);
    }
  }
  return new Map([...folders].map(([folder, edges]) => [folder, [...edges]]));
}

/** Tarjan's strongly connected components with more than one node: every group of nodes that reach one another. */
export function stronglyConnected(graph: ImportGraph): string[][] {
  const index = new Map<string, number>();
  const low = new Map<string, number>();
  const onStack = new Set<string>();
  const stack: string[] = [];
  const components: string[][] = [];
  let counter = 0;

  // Iterative, so a long import chain cannot overflow the call stack.
  for (const root of graph.keys()) {
    if (index.has(root)) continue;
    const work: { node: string; next: number }[] = [{ node: root, next: 0 }];
    index.set(root, counter);
    low.set(root, counter++);
    stack.push(root);
    onStack.add(root);
    while (work.length > 0) {
      const frame = work[work.length - 1]!;
      const targets = graph.get(frame.node) ?? [];
      if (frame.next < targets.length) {
        const target = targets[frame.next++]!;
        if (!index.has(target)) {
          index.set(target, counter);
          low.set(target, counter++);
          stack.push(target);
          onStack.add(target);
          work.push({ node: target, next: 0 });
        } else if (onStack.has(target)) {
          low.set(frame.node, Math.min(low.get(frame.node)!, index.get(target)!));
        }
        continue;
      }
      work.pop();
      if (work.length > 0) {
        const parent = work[work.length - 1]!.node;
        low.set(parent, Math.min(low.get(parent)!, low.get(frame.node)!));
      }
      if (low.get(frame.node) === index.get(frame.node)) {
        const component: string[] = [];
        let member: string;
        do {
          member = stack.pop()!;
          onStack.delete(member);
          component.push(member);
        } while (member !== frame.node);
        if (component.length > 1) components.push(component.sort());
      }
    }
  }
  return components.sort((a, b) => a[0]!.localeCompare(b[0]!));
}

export function findImportCycles(graph: ImportGraph): ImportCycles {
  return { files: stronglyConnected(graph), folders: stronglyConnected(folderGraph(graph)) };
}

/** For each folder cycle, the imports that make it: one line per import from one folder of the group into another. */
function crossings(graph: ImportGraph, group: readonly string[]): string[] {
  const members = new Set(group);
  const lines: string[] = [];
  for (const [file, targets] of graph) {
    const from = path.posix.dirname(file);
    if (!members.has(from)) continue;
    for (const target of targets) {
      const to = path.posix.dirname(target);
      if (to !== from && members.has(to)) lines.push(`${file} -> ${target}`);
    }
  }
  return lines.sort();
}

/** The report a person reads: empty when there is no cycle. */
export function describeCycles(graph: ImportGraph, cycles: ImportCycles): string {
  const parts: string[] = [];
  for (const group of cycles.files) parts.push(`Files that import one another:\n  ${group.join('\n  ')}`);
  for (const group of cycles.folders) {
    parts.push(
      `Folders that import one another: ${group.join(' <-> ')}\n  through\n    ${crossings(graph, group).join('\n    ')}`,
    );
  }
  return parts.join('\n\n');
}

export async function readImportGraph(root: string): Promise<ImportGraph> {
  const tree = await parseDependencyTree(ENTRIES, {
    context: root,
    cwd: root,
    tsconfig: path.join(root, 'tsconfig.json'),
    // Type-only imports are erased by the compiler: they are no cycle at run time.
    transform: true,
    skipDynamicImports: false,
  });
  return graphFromTree(tree);
}
