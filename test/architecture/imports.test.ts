/**
 * The import graph of src/: no circle (type-only imports included, since they tie modules together as much),
 * and imports run one way: server -> schema -> core, and inside the schema types/ -> helpers.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';

const ROOT = resolve(import.meta.dirname, '../..');

function sourceFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) return sourceFiles(path);
    return entry.name.endsWith('.ts') ? [path] : [];
  });
}

const SPECIFIER =
  /(?:^|[\s;])(?:import|export)\b[^'"]*?from\s*['"]([^'"]+)['"]|(?:^|[\s;])import\s*['"]([^'"]+)['"]/g;

/** Relative imports of each file under src/, as repo-relative paths ('src/core/types.ts'). */
function importGraph(): Map<string, string[]> {
  const graph = new Map<string, string[]>();
  for (const file of sourceFiles(join(ROOT, 'src'))) {
    const text = readFileSync(file, 'utf8');
    const targets: string[] = [];
    for (const match of text.matchAll(SPECIFIER)) {
      const specifier = match[1] ?? match[2];
      if (!specifier?.startsWith('.')) continue;
      const target = resolve(dirname(file), specifier.replace(/\.js$/, '.ts'));
      targets.push(relative(ROOT, target));
    }
    graph.set(relative(ROOT, file), targets);
  }
  return graph;
}

/** Every elementary circle found by a depth-first search, each as the path that closes it. */
function findCycles(graph: Map<string, string[]>): string[][] {
  const cycles: string[][] = [];
  const state = new Map<string, 'open' | 'done'>();
  const stack: string[] = [];
  const visit = (node: string) => {
    state.set(node, 'open');
    stack.push(node);
    for (const next of graph.get(node) ?? []) {
      if (state.get(next) === 'open') cycles.push([...stack.slice(stack.indexOf(next)), next]);
      else if (!state.has(next)) visit(next);
    }
    stack.pop();
    state.set(node, 'done');
  };
  for (const node of graph.keys()) if (!state.has(node)) visit(node);
  return cycles;
}

const graph = importGraph();
const edges = [...graph].flatMap(([from, targets]) => targets.map((to) => ({ from, to })));
const layer = (path: string) => path.split('/')[1];

describe('import graph of src/', () => {
  it('finds a circle when there is one (the check itself works)', () => {
    const circular = new Map([
      ['a', ['b']],
      ['b', ['c']],
      ['c', ['a']],
      ['d', ['a']],
    ]);
    expect(findCycles(circular)).toEqual([['a', 'b', 'c', 'a']]);
    expect(
      findCycles(
        new Map([
          ['a', ['b']],
          ['b', []],
        ]),
      ),
    ).toEqual([]);
  });

  it('reads the imports of every source file', () => {
    expect(graph.get('src/schema/index.ts')).toContain('src/schema/types/query.ts');
    expect(edges.length).toBeGreaterThan(graph.size);
  });

  it('has no import circle', () => {
    expect(findCycles(graph).map((cycle) => cycle.join(' -> '))).toEqual([]);
  });

  it('imports one way: server -> schema -> core', () => {
    const rank: Record<string, number> = { core: 0, schema: 1, gql: 1, server: 2 };
    const upward = edges.filter(({ from, to }) => (rank[layer(to)] ?? 0) > (rank[layer(from)] ?? 0));
    expect(upward.map(({ from, to }) => `${from} -> ${to}`)).toEqual([]);
  });

  it('keeps schema helpers below the GraphQL types: types/ -> helpers, never back', () => {
    const back = edges.filter(
      ({ from, to }) =>
        from.startsWith('src/schema/') &&
        !from.startsWith('src/schema/types/') &&
        from !== 'src/schema/index.ts' &&
        to.startsWith('src/schema/types/'),
    );
    expect(back.map(({ from, to }) => `${from} -> ${to}`)).toEqual([]);
  });
});
