/**
 * A bounded cache of compiled projects: least recently used beyond `maxSize` is dropped, and so is
 * any entry idle for `ttlMs`. Generic over the value so the eviction rules are tested on their own.
 * A Map keeps insertion order, so re-inserting on every hit makes its first key the LRU one.
 */

export interface CacheOptions {
  readonly maxSize: number;
  readonly ttlMs: number;
  /** The clock (tests pass their own). */
  readonly now?: () => number;
  /** Called once for each entry dropped (size or idle time), with why. */
  readonly onEvict?: (key: string, why: 'size' | 'idle') => void;
}

interface Slot<V> {
  readonly value: V;
  lastUsed: number;
}

/**
 * @example
 * const cache = new LruTtlCache<number>({ maxSize: 2, ttlMs: 60_000 });
 * cache.set('a', 1); cache.set('b', 2); cache.get('a'); cache.set('c', 3);
 * cache.keys(); // ['a', 'c']  (b was the least recently used)
 */
export class LruTtlCache<V> {
  private readonly slots = new Map<string, Slot<V>>();
  private readonly now: () => number;

  constructor(private readonly options: CacheOptions) {
    this.now = options.now ?? Date.now;
  }

  /** The value, marked as just used; undefined when absent or idle past the TTL (then dropped). */
  get(key: string): V | undefined {
    const slot = this.slots.get(key);
    if (!slot) return undefined;
    const now = this.now();
    if (now - slot.lastUsed > this.options.ttlMs) {
      this.drop(key, 'idle');
      return undefined;
    }
    slot.lastUsed = now;
    this.slots.delete(key);
    this.slots.set(key, slot);
    return slot.value;
  }

  /** Stores a value as the most recently used, dropping idle entries and then the LRU ones beyond the size. */
  set(key: string, value: V): void {
    this.slots.delete(key);
    this.slots.set(key, { value, lastUsed: this.now() });
    this.sweep();
    for (const oldest of this.slots.keys()) {
      if (this.slots.size <= this.options.maxSize) break;
      this.drop(oldest, 'size');
    }
  }

  /** Drops a key without calling onEvict (the caller knows why). */
  delete(key: string): void {
    this.slots.delete(key);
  }

  /** Drops every entry idle past the TTL. */
  sweep(): void {
    const now = this.now();
    for (const [key, slot] of this.slots) if (now - slot.lastUsed > this.options.ttlMs) this.drop(key, 'idle');
  }

  /** Keys from least to most recently used. */
  keys(): string[] {
    return [...this.slots.keys()];
  }

  /** The value without touching recency or TTL (status pages). */
  peek(key: string): V | undefined {
    return this.slots.get(key)?.value;
  }

  get size(): number {
    return this.slots.size;
  }

  private drop(key: string, why: 'size' | 'idle'): void {
    this.slots.delete(key);
    this.options.onEvict?.(key, why);
  }
}
