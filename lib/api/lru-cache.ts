/**
 * A small least-recently-used memo, bounded by entry count and, optionally, by total size.
 *
 * One implementation for every memo of the project: the API's estimate and image memos (both
 * bounds), and the engine's and the page's evaluation caches (entry count only).
 *
 * The JSON API, the statement and the link-preview image compute the same deterministic estimate
 * for a canonical share link; the first request pays (seconds with the PRV accountant), the rest
 * read the memo. It is only a memo: losing it (restart, eviction) changes latency, never answers.
 * A JavaScript Map iterates in insertion order, so re-inserting on read keeps the least recently
 * used entry first and eviction is O(1).
 */
export interface LruCacheOptions<V> {
  /** Most entries kept. */
  maxEntries: number;
  /** Most total size kept, in the units of `sizeOf` (e.g. UTF-16 code units of a JSON body); no cap when omitted. */
  maxSize?: number;
  /** Size of one value; an entry larger than `maxSize` is not stored at all. Required with `maxSize`. */
  sizeOf?: (value: V) => number;
}

export class LruCache<K, V> {
  private readonly entries = new Map<K, { value: V; size: number }>();
  private totalSize = 0;

  private readonly options: Required<LruCacheOptions<V>>;

  constructor(options: LruCacheOptions<V>) {
    const { maxEntries, maxSize = Infinity, sizeOf = () => 0 } = options;
    if (!(maxEntries >= 1) || !(maxSize > 0)) {
      throw new RangeError(`LruCache needs maxEntries >= 1 and maxSize > 0; got ${maxEntries} and ${maxSize}`);
    }
    this.options = { maxEntries, maxSize, sizeOf };
  }

  get size(): number {
    return this.entries.size;
  }

  /** Total size of the stored values. */
  get storedSize(): number {
    return this.totalSize;
  }

  get(key: K): V | undefined {
    const hit = this.entries.get(key);
    if (!hit) return undefined;
    this.entries.delete(key);
    this.entries.set(key, hit);
    return hit.value;
  }

  /** The stored value, or `make()`'s, stored first. `make` runs only on a miss. */
  getOrSet(key: K, make: () => V): V {
    if (this.entries.has(key)) return this.get(key) as V;
    const value = make();
    this.set(key, value);
    return value;
  }

  has(key: K): boolean {
    return this.entries.has(key);
  }

  set(key: K, value: V): void {
    const size = this.options.sizeOf(value);
    this.delete(key);
    if (size > this.options.maxSize) return;
    this.entries.set(key, { value, size });
    this.totalSize += size;
    while (this.entries.size > this.options.maxEntries || this.totalSize > this.options.maxSize) {
      const oldest = this.entries.keys().next();
      if (oldest.done) break;
      this.delete(oldest.value);
    }
  }

  /**
   * Re-measure a stored value that grew in place (e.g. a body that gained a compressed variant)
   * and evict older entries if the total is now over the cap. No-op for a key not stored.
   */
  refreshSize(key: K): void {
    const hit = this.entries.get(key);
    if (!hit) return;
    const size = this.options.sizeOf(hit.value);
    this.totalSize += size - hit.size;
    hit.size = size;
    while (this.totalSize > this.options.maxSize && this.entries.size > 0) {
      const oldest = this.entries.keys().next();
      if (oldest.done) break;
      this.delete(oldest.value);
    }
  }

  delete(key: K): boolean {
    const hit = this.entries.get(key);
    if (!hit) return false;
    this.entries.delete(key);
    this.totalSize -= hit.size;
    return true;
  }

  clear(): void {
    this.entries.clear();
    this.totalSize = 0;
  }

  keys(): K[] {
    return [...this.entries.keys()];
  }
}
