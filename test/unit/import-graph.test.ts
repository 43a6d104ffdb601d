/**
 * No import circles in worker/ or cli/: a circle makes load order decide what a module sees
 * (an undefined class at import time) and turns the layering upside down. The graph includes
 * type-only imports.
 */
import { describe, expect, it } from 'vitest';
import { fileURLToPath } from 'node:url';
import { cycles, importGraph } from './import-graph.js';

const root = fileURLToPath(new URL('../..', import.meta.url));

describe('import graph', () => {
  const graph = importGraph(root, ['worker', 'cli']);
  const found = cycles(graph).map((c) => c.join(' -> '));

  it('reads the real tree, type imports and re-exports included', () => {
    expect(graph.size).toBeGreaterThan(100);
    expect(graph.get('worker/app-env.ts')).toEqual(expect.arrayContaining(['worker/core/index.ts', 'worker/gateway.ts']));
    expect(graph.get('worker/core/index.ts')).toEqual(expect.arrayContaining(['worker/core/errors.ts', 'worker/core/call.ts']));
  });

  it('finds a circle, including one made only of type imports', () => {
    expect(cycles(new Map([['a.ts', ['b.ts']], ['b.ts', ['c.ts']], ['c.ts', ['a.ts']], ['d.ts', ['a.ts']]]))).toEqual([['a.ts', 'b.ts', 'c.ts']]);
    expect(cycles(new Map([['a.ts', ['a.ts']]]))).toEqual([['a.ts']]);
    expect(cycles(new Map([['a.ts', ['b.ts']], ['b.ts', []]]))).toEqual([]);
  });

  it('has no import circle in worker/ or cli/', () => {
    expect(found).toEqual([]);
  });

  it('keeps core/ a ground floor: it imports no other worker/ folder but config/', () => {
    const upward = [...graph].filter(([file]) => file.startsWith('worker/core/')).flatMap(([file, deps]) => deps.filter((d) => !d.startsWith('worker/core/') && !d.startsWith('worker/config/')).map((d) => `${file} -> ${d}`));
    expect(upward).toEqual([]);
  });
});
