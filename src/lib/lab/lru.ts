// A cache with a byte budget: entries are kept in order of use, and the least recently used go
// first when the total bytes exceed the budget (the newest entry always stays, whatever its size,
// because the job that made it is using it). Caches can share a pool with one limit over all of
// them, so one oversized newest entry makes the others shed instead of stacking on top.

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
    /** The pool whose limit covers this cache too; `sheddable` caches (whose entries can be rebuilt on demand) give way when it is exceeded. */
    private readonly pool?: { pool: CachePool; sheddable: boolean },
  ) {
    pool?.pool.join(this, pool.sheddable);
  }

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
    this.pool?.pool.shed();
  }

  /** Drops the least recently used entry unless it is the only one; true if one went. */
  dropOldest(): boolean {
    if (this.items.size < 2) return false;
    const first = this.items.keys().next();
    return !first.done && this.delete(first.value);
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

/** A limit over several caches: past it, the sheddable caches drop their least recently used entries (never their newest). */
export class CachePool {
  private readonly members: { cache: ByteLru<unknown, unknown>; sheddable: boolean }[] = [];

  constructor(
    /** Bytes all member caches together may hold before the sheddable ones give way. */
    readonly limit: number,
  ) {}

  /** Adds a cache (its constructor does this). */
  join<K, V>(cache: ByteLru<K, V>, sheddable: boolean): void {
    this.members.push({ cache: cache as unknown as ByteLru<unknown, unknown>, sheddable });
  }

  /** Bytes held by every member. */
  get bytes(): number {
    return this.members.reduce((t, m) => t + m.cache.bytes, 0);
  }

  /** While over the limit, the sheddable cache furthest over its own budget drops its oldest entry. */
  shed(): void {
    while (this.bytes > this.limit) {
      const can = this.members.filter((m) => m.sheddable && m.cache.size > 1).map((m) => m.cache);
      if (can.length === 0) return;
      can.sort((a, b) => b.bytes / b.budget - a.bytes / a.budget);
      can[0]!.dropOldest();
    }
  }
}
