/**
 * A bounded "recently used" cache in two generations: new entries and hits go to the young
 * Map; when it is full it becomes the old generation and the previous old one is dropped. An
 * entry used at least once per generation survives, which is LRU in effect at O(1) per
 * operation. (A single-Map LRU evicting with `keys().next()` degrades badly in V8: deleted
 * slots pile up at the front and every eviction scans them.)
 *
 * Used twice: finished lookups per address (clients repeat), and decoded records per data
 * offset inside mmdb-lib (many networks share one record).
 *
 * @example
 * const cache = new RecentCache<string, number>(4);
 * cache.set('a', 1);
 * cache.get('a'); // 1
 */
export class RecentCache<K, V> {
  private young = new Map<K, V>();
  private old = new Map<K, V>();
  private readonly half: number;
  hits = 0;
  misses = 0;

  /** Holds at most `capacity` entries (at least the `capacity / 2` most recent). */
  constructor(readonly capacity: number) {
    this.half = Math.max(1, Math.floor(capacity / 2));
  }

  get size(): number {
    return this.young.size + this.old.size;
  }

  get(key: K): V | undefined {
    let value = this.young.get(key);
    if (value !== undefined) {
      this.hits++;
      return value;
    }
    value = this.old.get(key);
    if (value === undefined) {
      this.misses++;
      return undefined;
    }
    this.hits++;
    this.old.delete(key);
    this.put(key, value);
    return value;
  }

  set(key: K, value: V): void {
    if (this.capacity <= 0) return;
    this.put(key, value);
  }

  private put(key: K, value: V): void {
    if (this.young.size >= this.half) {
      this.old = this.young;
      this.young = new Map();
    }
    this.young.set(key, value);
  }

  clear(): void {
    this.young.clear();
    this.old.clear();
  }
}
