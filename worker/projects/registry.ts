/**
 * The projects of a gateway in projects mode: the catalog (routing facts of every project folder)
 * and a bounded cache of compiled projects (policy store with its snapshot, DLP automata, JWKS),
 * compiled on first use. Each project's store is an ordinary policy store over its own folders,
 * so install, rollback, last known good and refusals stay per project: a refused bundle for one
 * project changes nothing in another.
 *
 * Generic over what a compiled project serves with (gateway.ts passes a per-project view of the
 * gateway), so this module never imports the gateway.
 */
import type { Logger } from '../log/index.js';
import type { PolicyStore } from '../policy/index.js';
import { LruTtlCache } from './cache.js';
import { entryOf, type ProjectCatalog } from './catalog.js';

export interface CompiledProject<G> {
  readonly id: string;
  readonly store: PolicyStore;
  /** What the project's calls are served with (the gateway with this project's policy). */
  readonly serving: G;
  readonly compiledAt: number;
  readonly compileMs: number;
}

/** One project as /readyz and the admin status show it. */
export interface ProjectState {
  /** serving: an operator bundle is enforced; refused: none usable (calls get 503); idle: not compiled now. */
  readonly state: 'serving' | 'degraded' | 'refused' | 'idle';
  readonly version?: string;
  readonly reason?: string;
}

export interface RegistryOptions<G> {
  readonly catalog: ProjectCatalog;
  readonly cacheSize: number;
  readonly ttlMs: number;
  readonly log: Logger;
  /** Builds the project's policy store (reads and verifies its bundle, compiles it). */
  readonly openStore: (id: string) => Promise<PolicyStore>;
  readonly serve: (id: string, store: PolicyStore) => G;
  readonly now?: () => number;
}

/** Counters for metrics, tests and the bench. */
export interface RegistryCounters {
  compiles: number;
  evictions: number;
}

/**
 * @example
 * const registry = new ProjectRegistry({ catalog, cacheSize: 64, ttlMs: 900_000, log, openStore, serve });
 * const research = await registry.project('research');
 */
export class ProjectRegistry<G> {
  readonly catalog: ProjectCatalog;
  readonly counters: RegistryCounters = { compiles: 0, evictions: 0 };
  private readonly compiled: LruTtlCache<Promise<CompiledProject<G>>>;
  private readonly now: () => number;
  /** Compiled projects whose compile finished, for synchronous readers (the egress guard). */
  private readonly ready = new Map<string, CompiledProject<G>>();
  private lastSweep = 0;

  constructor(private readonly options: RegistryOptions<G>) {
    this.catalog = options.catalog;
    this.now = options.now ?? Date.now;
    this.compiled = new LruTtlCache({
      maxSize: options.cacheSize,
      ttlMs: options.ttlMs,
      now: this.now,
      onEvict: (id, why) => {
        this.counters.evictions++;
        this.ready.delete(id);
        options.log.info(`Projects: dropped compiled project ${id} (${why === 'size' ? `cache full at ${options.cacheSize}` : `idle past ${options.ttlMs} ms`})`);
      },
    });
  }

  /**
   * The compiled project, compiling it on first use (concurrent first calls share one compile).
   * Throws only when the id is not in the catalog.
   */
  project(id: string): Promise<CompiledProject<G>> {
    if (!this.catalog.has(id)) return Promise.reject(new Error(`no project ${id}`));
    // Idle projects are dropped even while traffic only reaches others (at most one sweep a second).
    const now = this.now();
    if (now - this.lastSweep >= 1000) {
      this.lastSweep = now;
      this.compiled.sweep();
    }
    const cached = this.compiled.get(id);
    if (cached) return cached;
    const compiling = this.compile(id);
    this.compiled.set(id, compiling);
    compiling.catch(() => this.compiled.delete(id));
    return compiling;
  }

  /** Target origins of every compiled project's active bundle (the worker's egress guard adds them). */
  origins(): Set<string> {
    const origins = new Set<string>();
    for (const project of this.ready.values()) for (const o of project.store.current().targets.origins()) origins.add(o);
    return origins;
  }

  /** Ids compiled right now, least recently used first. */
  compiledIds(): string[] {
    return this.compiled.keys();
  }

  /** Every project's state, compiled or not; an idle project is compiled on its next call. */
  async states(): Promise<Record<string, ProjectState>> {
    this.compiled.sweep();
    const out: Record<string, ProjectState> = {};
    for (const id of this.catalog.ids()) {
      const pending = this.compiled.peek(id);
      const project = pending ? await pending.catch(() => null) : null;
      out[id] = project ? stateOf(project.store) : { state: 'idle' };
    }
    return out;
  }

  /** After an install or rollback: routing facts follow the bundle now active. */
  refresh(id: string, store: PolicyStore): void {
    const active = store.current();
    if (active.source !== 'built-in') this.catalog.update(entryOf(id, active.bundle));
  }

  private async compile(id: string): Promise<CompiledProject<G>> {
    const started = this.now();
    const store = await this.options.openStore(id);
    this.counters.compiles++;
    this.refresh(id, store);
    const compileMs = this.now() - started;
    this.options.log.info(`Projects: compiled project ${id} (policy version=${store.current().version}, ${compileMs} ms)`);
    const project = { id, store, serving: this.options.serve(id, store), compiledAt: this.now(), compileMs };
    this.ready.set(id, project);
    return project;
  }
}

/**
 * A project whose store fell back to the built-in baseline has no bundle of its own to enforce:
 * it is refused (never served on the baseline's "no authentication").
 * @example
 * stateOf(store); // { state: 'serving', version: '2026-11-01' }
 */
export function stateOf(store: PolicyStore): ProjectState {
  const s = store.status();
  if (s.source === 'built-in') return { state: 'refused', version: s.version, reason: s.problems[0] ?? s.reason };
  if (s.fallback) return { state: 'degraded', version: s.version, reason: s.reason };
  return { state: 'serving', version: s.version };
}
