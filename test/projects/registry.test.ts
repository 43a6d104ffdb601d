/**
 * The registry of compiled projects: compiled once on first use (concurrent calls share it),
 * dropped by size and idle time, recompiled on the next call, and listed by /readyz's states.
 */
import { describe, expect, it } from 'vitest';
import { ProjectCatalog, entryOf } from '../../worker/projects/catalog.js';
import { ProjectRegistry } from '../../worker/projects/registry.js';
import type { PolicyStore } from '../../worker/policy/index.js';

const silent = { debug() {}, info() {}, warn() {}, error() {} };

function fakeStore(id: string, source: 'volume' | 'built-in' = 'volume'): PolicyStore {
  const snapshot = { version: `${id}-1`, source, targets: { origins: () => new Set([`http://${id}.internal:8000`]) }, bundle: { project: { id, hostnames: [`${id}.test`] }, auth: { mode: 'none' } } };
  return {
    current: () => snapshot,
    status: () => ({ version: snapshot.version, source, reason: 'test', problems: source === 'built-in' ? ['refused'] : [], fallback: source === 'built-in' }),
    install: async () => ({ ok: true, version: 'x', previous: 'y', unchanged: false }),
    rollback: async () => ({ ok: true, version: 'x', previous: 'y', unchanged: false }),
    list: async () => [],
  } as unknown as PolicyStore;
}

describe('ProjectRegistry', () => {
  it('compiles once per project, evicts by size and idle time, recompiles, and reports states', async () => {
    let now = 0;
    const opened: string[] = [];
    const catalog = new ProjectCatalog(['a', 'b', 'c'].map((id) => entryOf(id, null)));
    const registry = new ProjectRegistry<string>({
      catalog,
      cacheSize: 2,
      ttlMs: 10_000,
      log: silent,
      now: () => now,
      openStore: async (id) => {
        opened.push(id);
        return fakeStore(id, id === 'c' ? 'built-in' : 'volume');
      },
      serve: (id) => `view of ${id}`,
    });
    const [a1, a2] = await Promise.all([registry.project('a'), registry.project('a')]);
    expect(a1).toBe(a2);
    expect(a1.serving).toBe('view of a');
    expect(opened).toEqual(['a']);
    // Routing facts follow the compiled bundle.
    expect(catalog.byHost('a.test')).toBe('a');
    expect(registry.origins()).toEqual(new Set(['http://a.internal:8000']));

    await registry.project('b');
    await registry.project('c');
    expect(registry.compiledIds()).toEqual(['b', 'c']);
    expect(registry.counters).toEqual({ compiles: 3, evictions: 1 });
    expect(await registry.states()).toEqual({ a: { state: 'idle' }, b: { state: 'serving', version: 'b-1' }, c: { state: 'refused', version: 'c-1', reason: 'refused' } });

    await registry.project('a');
    expect(opened).toEqual(['a', 'b', 'c', 'a']);

    now = 20_000; // everything idle past the TTL
    await registry.project('b');
    expect(registry.compiledIds()).toEqual(['b']);
    expect(opened.at(-1)).toBe('b');
    await expect(registry.project('nosuch')).rejects.toThrow(/no project nosuch/);
  });
});
