// A cache with a byte budget: entries are kept in order of use, and the least recently used go
// first when the total bytes exceed the budget (the newest entry always stays, whatever its size).

/** What one cache holds, for the memory report. */
export interface CacheStats {
  name: string;
  entries: number;
  bytes: number;
  budget: number;
}

/** A least-recently-used map whose entries are weighed in bytes. */
export class ByteLru<K, V> {
  private readonly items = new Map<K, { value: V; bytes: number }>();
  private total = 0;

  constructor(
    /** Name in the memory report ("datasets", "features", …). */
    readonly name: string,
    /** Bytes the cache may hold before it drops its least recently used entries. */
    readonly budget: number,
    private readonly sizeOf: (v: V) => number,
  ) {}

  /** The entry, now the most recently used; undefined when absent. */
  get(key: K): V | undefined {
    const it = this.items.get(key);
    if (!it) return undefined;
    this.items.delete(key);
    this.items.set(key, it);
    return it.value;
  }

  /** The entry without touching its recency. */
  peek(key: K): V | undefined {
    return this.items.get(key)?.value;
  }

  /** Stores an entry as the most recently used, then drops the least recently used until within budget. */
  set(key: K, value: V): void {
    this.delete(key);
    const bytes = this.sizeOf(value);
    this.items.set(key, { value, bytes });
    this.total += bytes;
    for (const k of this.items.keys()) {
      if (this.total <= this.budget || k === key) break;
      this.delete(k);
    }
  }

  /** Forgets an entry; true if it was there. */
  delete(key: K): boolean {
    const it = this.items.get(key);
    if (!it) return false;
    this.items.delete(key);
    this.total -= it.bytes;
    return true;
  }

  /** Forgets every entry. */
  clear(): void {
    this.items.clear();
    this.total = 0;
  }

  has(key: K): boolean {
    return this.items.has(key);
  }

  keys(): K[] {
    return [...this.items.keys()];
  }

  values(): V[] {
    return [...this.items.values()].map((it) => it.value);
  }

  /** Bytes held now. */
  get bytes(): number {
    return this.total;
  }

  get size(): number {
    return this.items.size;
  }

  stats(): CacheStats {
    return { name: this.name, entries: this.items.size, bytes: this.total, budget: this.budget };
  }
}
