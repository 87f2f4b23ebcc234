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
  /** Holds on keys by jobs queued or running (a count each): a held entry is never dropped by the budget. */
  private readonly pins = new Map<K, number>();

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
    for (const k of [...this.items.keys()]) {
      if (this.total <= this.budget || k === key) break;
      if (!this.pinned(k)) this.evict(k, `over its ${this.budget / 2 ** 20} MB budget`);
    }
    this.pool?.pool.shed();
  }

  /** Drops the least recently used entry that no job holds, never the newest; true if one went. */
  dropOldest(): boolean {
    const keys = [...this.items.keys()].slice(0, -1);
    const k = keys.find((x) => !this.pinned(x));
    return k !== undefined && this.evict(k, 'the pool over its limit');
  }

  /** How many entries the budget may drop now (not the newest, none held). */
  get droppable(): number {
    return [...this.items.keys()].slice(0, -1).filter((k) => !this.pinned(k)).length;
  }

  /** A job holds `key` until the returned function is called: the budget never drops it meanwhile
   * (a deliberate delete still does). Holding a key not (yet) stored is allowed. */
  pin(key: K): () => void {
    this.pins.set(key, (this.pins.get(key) ?? 0) + 1);
    let held = true;
    return () => {
      if (!held) return;
      held = false;
      const n = (this.pins.get(key) ?? 1) - 1;
      if (n > 0) this.pins.set(key, n);
      else this.pins.delete(key);
    };
  }

  /** Drops every entry no job holds, as a budget under pressure would (even the newest); returns their keys. */
  shedUnheld(why: string): K[] {
    const gone = [...this.items.keys()].filter((k) => !this.pinned(k));
    for (const k of gone) this.evict(k, why);
    return gone;
  }

  /** True while a job holds `key`. */
  pinned(key: K): boolean {
    return (this.pins.get(key) ?? 0) > 0;
  }

  /** Drops an entry because of the budget, telling onEvict. */
  private evict(key: K, why: string): boolean {
    const bytes = this.items.get(key)?.bytes ?? 0;
    const gone = this.delete(key);
    if (gone) this.pool?.pool.onEvict?.(this.name, String(key), bytes, why);
    return gone;
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
  /** Told of every entry a member drops because of a budget (not of those deleted on purpose). */
  onEvict: ((cache: string, key: string, bytes: number, why: string) => void) | null = null;

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
      const can = this.members.filter((m) => m.sheddable && m.cache.droppable > 0).map((m) => m.cache);
      if (can.length === 0) return;
      can.sort((a, b) => b.bytes / b.budget - a.bytes / a.budget);
      can[0]!.dropOldest();
    }
  }
}
