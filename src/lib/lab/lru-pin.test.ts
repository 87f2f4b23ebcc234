// A job's hold on a cache entry: the budget skips held entries (its own budget and the pool's), a
// deliberate delete does not, and a release lets the budget drop the entry again.
import { describe, expect, it } from 'vitest';
import { ByteLru, CachePool } from './lru.ts';

describe('ByteLru holds', () => {
  it('the budget drops the oldest entry no job holds, and the held one once released', () => {
    const c = new ByteLru<string, number>('datasets', 100, (v) => v);
    c.set('d1', 40);
    const release = c.pin('d1');
    c.set('d2', 40);
    // 120 > 100: d1 is the oldest but held, so d2 goes (d3, the newest, always stays).
    c.set('d3', 40);
    expect(c.keys()).toEqual(['d1', 'd3']);
    expect(c.bytes).toBe(80);
    c.set('d4', 40);
    // 120 > 100 again: d1 held, d3 dropped, d4 newest.
    expect(c.keys()).toEqual(['d1', 'd4']);
    release();
    release(); // a second release is a no-op, not a release of another job's hold
    c.set('d5', 40);
    expect(c.keys()).toEqual(['d4', 'd5']);
  });

  it('two holds on one key keep it until both are released; a hold on a missing key is allowed', () => {
    const c = new ByteLru<string, number>('models', 10, (v) => v);
    const a = c.pin('m1');
    const b = c.pin('m1');
    c.set('m1', 6);
    c.set('m2', 6);
    expect(c.keys()).toEqual(['m1', 'm2']);
    a();
    c.set('m3', 6);
    expect(c.keys()).toEqual(['m1', 'm3']);
    b();
    c.set('m4', 6);
    expect(c.keys()).toEqual(['m4']);
    // A deliberate delete ignores holds (the UI disposed it on purpose).
    c.pin('m4');
    expect(c.delete('m4')).toBe(true);
  });

  it('the pool sheds only entries no job holds', () => {
    const pool = new CachePool(50);
    const feats = new ByteLru<string, number>('features', 100, (v) => v, { pool, sheddable: true });
    feats.set('f1', 20);
    const release = feats.pin('f1');
    feats.set('f2', 20);
    feats.set('f3', 20);
    // 60 > 50: f1 held, so f2 goes.
    expect(feats.keys()).toEqual(['f1', 'f3']);
    expect(feats.droppable).toBe(0);
    release();
    expect(feats.droppable).toBe(1);
  });
});
