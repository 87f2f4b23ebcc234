import { describe, expect, it } from 'vitest';
import { confusionTable, downsampleCurve, downsampleIndices, logThresholds } from './index.ts';

describe('logThresholds', () => {
  it('1e-6 … 1 with 20 per decade: 121 values, endpoints exact, ascending, constant ratio', () => {
    const t = logThresholds();
    expect(t.length).toBe(121);
    expect(t[0]).toBe(1e-6);
    expect(t[120]).toBe(1);
    expect(t[20]).toBeCloseTo(1e-5, 18);
    for (let k = 1; k < t.length; k++) expect((t[k] as number) / (t[k - 1] as number)).toBeCloseTo(10 ** 0.05, 9);
  });

  it('custom range and bad arguments', () => {
    const t = logThresholds(0.01, 1, 1);
    expect(t.length).toBe(3);
    expect(t[1]).toBeCloseTo(0.1, 15);
    expect(() => logThresholds(0, 1)).toThrow(/0 < min < max/);
  });
});

describe('confusionTable', () => {
  it('hand-checked counts at several thresholds', () => {
    // Scores .9+ .8+ .7− .6+ .4+ .4− .3− .1−: at t = .65 → tp 2 fp 1; at .4 → tp 4 fp 2; at 0 → everything positive.
    const table = confusionTable([0.9, 0.8, 0.7, 0.6, 0.4, 0.4, 0.3, 0.1], [1, 1, 0, 1, 1, 0, 0, 0], undefined, [0.65, 0.4, 0, 0.95]);
    expect(table).toEqual([
      { threshold: 0.65, tp: 2, fp: 1, tn: 3, fn: 2 },
      { threshold: 0.4, tp: 4, fp: 2, tn: 2, fn: 0 },
      { threshold: 0, tp: 4, fp: 4, tn: 0, fn: 0 },
      { threshold: 0.95, tp: 0, fp: 0, tn: 4, fn: 4 },
    ]);
  });
});

describe('downsampling curves for drawing (LTTB)', () => {
  it('keeps short curves whole', () => {
    expect(Array.from(downsampleIndices([0, 1, 2], [0, 1, 0], 200))).toEqual([0, 1, 2]);
  });

  it('keeps endpoints, at most N increasing indices, and the shape of a concave ROC-like curve', () => {
    const n = 20_000;
    const xs = Float64Array.from({ length: n }, (_, i) => i / (n - 1));
    const ys = Float64Array.from(xs, (x) => Math.sqrt(x));
    const idx = downsampleIndices(xs, ys, 200);
    expect(idx.length).toBe(200);
    expect(idx[0]).toBe(0);
    expect(idx[199]).toBe(n - 1);
    for (let k = 1; k < idx.length; k++) expect(idx[k] as number).toBeGreaterThan(idx[k - 1] as number);
    // Linear interpolation through the kept points stays within 0.02 of the curve everywhere.
    let worst = 0;
    let k = 0;
    for (let i = 0; i < n; i++) {
      while ((idx[k + 1] as number) < i) k++;
      const a = idx[k] as number;
      const b = idx[k + 1] as number;
      const y = (ys[a] as number) + (((ys[b] as number) - (ys[a] as number)) * (i - a)) / Math.max(1, b - a);
      worst = Math.max(worst, Math.abs(y - (ys[i] as number)));
    }
    expect(worst).toBeLessThan(0.02);
  });

  it('keeps a sharp corner (a near-vertical ROC jump at fpr ≈ 0)', () => {
    const xs: number[] = [];
    const ys: number[] = [];
    for (let i = 0; i < 1000; i++) {
      xs.push(0);
      ys.push(i / 1000);
    }
    for (let i = 0; i <= 1000; i++) {
      xs.push(i / 1000);
      ys.push(1);
    }
    const pts = downsampleCurve(xs, ys, 50);
    expect(pts.length).toBe(50);
    expect(pts.some((p) => p.x === 0 && p.y > 0.99)).toBe(true);
    expect(pts[pts.length - 1]).toEqual({ x: 1, y: 1 });
  });
});
