import { describe, expect, it } from 'vitest';
import { Rng, hashString } from './rng.ts';

describe('Rng', () => {
  it('is deterministic per seed and differs across seeds', () => {
    const a = new Rng('s');
    const b = new Rng('s');
    const c = new Rng('t');
    const xs = Array.from({ length: 5 }, () => a.nextU32());
    expect(Array.from({ length: 5 }, () => b.nextU32())).toEqual(xs);
    expect(Array.from({ length: 5 }, () => c.nextU32())).not.toEqual(xs);
    expect(hashString('s')).toEqual(hashString('s'));
  });

  it('forks independent named streams, reproducibly', () => {
    const r = new Rng('root');
    const f1 = r.fork('log').uniform();
    expect(new Rng('root').fork('log').uniform()).toBe(f1);
    expect(r.fork('test').uniform()).not.toBe(f1);
  });

  it('fillU32 continues the same sequence as nextU32', () => {
    const a = new Rng('bulk');
    const b = new Rng('bulk');
    const buf = new Uint32Array(100);
    a.fillU32(buf);
    for (let i = 0; i < 100; i++) expect(buf[i]).toBe(b.nextU32());
    expect(a.nextU32()).toBe(b.nextU32());
  });

  it('draws uniforms, normals and categories with the right moments', () => {
    const r = new Rng('moments');
    const n = 200_000;
    let su = 0;
    let sn = 0;
    let sn2 = 0;
    const counts = [0, 0, 0];
    let lo = 1;
    let hi = 0;
    for (let i = 0; i < n; i++) {
      const u = r.uniform();
      lo = Math.min(lo, u);
      hi = Math.max(hi, u);
      su += u;
      const z = r.normal();
      sn += z;
      sn2 += z * z;
      const k = r.categorical([0.2, 0.5, 1]);
      counts[k] = (counts[k] as number) + 1;
    }
    expect(lo).toBeGreaterThanOrEqual(0);
    expect(hi).toBeLessThan(1);
    expect(su / n).toBeCloseTo(0.5, 2);
    expect(sn / n).toBeCloseTo(0, 1);
    expect(sn2 / n).toBeCloseTo(1, 1);
    expect((counts[0] as number) / n).toBeCloseTo(0.2, 2);
    expect((counts[1] as number) / n).toBeCloseTo(0.3, 2);
    expect((counts[2] as number) / n).toBeCloseTo(0.5, 2);
  });

  it('weighted picks follow the weights; shuffle permutes; int stays in range', () => {
    const r = new Rng('w');
    let ones = 0;
    for (let i = 0; i < 10_000; i++) ones += r.weighted([1, 3]) === 1 ? 1 : 0;
    expect(ones / 10_000).toBeCloseTo(0.75, 1);
    const a = r.shuffle(Array.from({ length: 50 }, (_, i) => i));
    expect([...a].sort((x, y) => x - y)).toEqual(Array.from({ length: 50 }, (_, i) => i));
    for (let i = 0; i < 1000; i++) {
      const k = r.int(7);
      expect(k >= 0 && k < 7 && Number.isInteger(k)).toBe(true);
    }
  });
});
