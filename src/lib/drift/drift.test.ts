// Reference values from scipy 1.17 / numpy (python3), each with the call that produced it.
import { describe, expect, it } from 'vitest';
import {
  binTogether,
  chiSquareTest,
  chooseTest,
  columnDrift,
  datasetDrift,
  effectiveSize,
  EMPTY_BIN,
  jsDistance,
  kolmogorovSf,
  ksTest,
  psi,
  sturges,
  wasserstein,
  wassersteinNormed,
} from './index.ts';

const A = [0.1, 0.4, 0.35, 0.8, 0.9, 1.2, 0.55, 0.05, 0.7, 0.3];
const B = [0.5, 0.9, 1.1, 1.3, 0.75, 1.6, 0.95, 1.05];
const WA = [1, 2, 1, 1, 3, 1, 2, 1, 1, 1];
const WB = [2, 1, 1, 1, 1, 1, 1, 3];

describe('Kolmogorov–Smirnov', () => {
  it('the Kolmogorov survival function on both sides of the series switch', () => {
    // scipy.stats.kstwobign.sf(z) for z in [0.3, 0.8, 1.0, 1.17, 1.2, 1.5, 2.5]
    const ref: [number, number][] = [
      [0.3, 0.9999906941986655],
      [0.8, 0.5441424115741981],
      [1.0, 0.26999967167735456],
      [1.17, 0.12939004218561884],
      [1.2, 0.11224966667072497],
      [1.5, 0.022217962616525127],
      [2.5, 7.453306344157342e-6],
    ];
    for (const [z, p] of ref) expect(kolmogorovSf(z)).toBeCloseTo(p, 10);
    expect(kolmogorovSf(0)).toBe(1);
  });

  it('statistic as ks_2samp; p-value as the asymptotic Kolmogorov distribution', () => {
    // ks_2samp(A, B).statistic = 0.575; kstwobign.sf(sqrt(10*8/18) * 0.575) = 0.10583331093738671
    // (ks_2samp(A, B, method='asymp').pvalue = 0.0899 uses kstwo.sf(D, round(n·m/(n+m))), a
    // finite-n correction; for large samples the two agree, see the next test.)
    const r = ksTest({ values: A }, { values: B });
    expect(r.statistic).toBeCloseTo(0.575, 12);
    expect(r.pValue).toBeCloseTo(0.10583331093738671, 9);
  });

  it('large samples: within 6% of ks_2samp(method="asymp")', () => {
    // x = default_rng(0).normal(0,1,3000); y = ….normal(0.08,1,2000) → asymp p = 3.1984e-05,
    // kstwobign.sf(sqrt(1200)·0.067667) = 3.3771e-05. The same D and en here give the latter.
    const en = (3000 * 2000) / 5000;
    expect(kolmogorovSf(Math.sqrt(en) * 0.06766666666666665)).toBeCloseTo(3.377061588464283e-5, 12);
    expect(Math.abs(3.377061588464283e-5 / 3.1984453416072175e-5 - 1)).toBeLessThan(0.06);
  });

  it('integer weights count like repeated rows (D), with Kish effective sizes for the p-value', () => {
    const rep = (v: number[], w: number[]) => v.flatMap((x, i) => Array<number>(w[i]!).fill(x));
    const weighted = ksTest({ values: A, weights: WA }, { values: B, weights: WB });
    const repeated = ksTest({ values: rep(A, WA) }, { values: rep(B, WB) });
    expect(weighted.statistic).toBeCloseTo(repeated.statistic, 12);
    expect(effectiveSize({ values: A, weights: WA })).toBeCloseTo(14 ** 2 / 24, 12);
  });

  it('identical samples: D = 0, p = 1', () => {
    const r = ksTest({ values: A }, { values: A });
    expect(r.statistic).toBe(0);
    expect(r.pValue).toBe(1);
  });
});

describe('Wasserstein-1', () => {
  it('unweighted and weighted, as scipy', () => {
    // wasserstein_distance(A, B) = 0.48375; wasserstein_distance(A, B, WA, WB) = 0.3987012987012987
    expect(wasserstein({ values: A }, { values: B })).toBeCloseTo(0.48375, 12);
    expect(wasserstein({ values: A, weights: WA }, { values: B, weights: WB })).toBeCloseTo(0.3987012987012987, 12);
  });

  it('normed by the reference std (np.std, ddof 0)', () => {
    // wasserstein_distance(A, B) / np.std(A) = 1.3934211813642525
    expect(wassersteinNormed({ values: A }, { values: B })).toBeCloseTo(1.3934211813642525, 10);
  });

  it('a constant reference column: the std floor 0.001 keeps it finite', () => {
    const c = [2, 2, 2, 2];
    expect(wassersteinNormed({ values: c }, { values: c })).toBe(0);
    expect(wassersteinNormed({ values: c }, { values: [2, 2, 3, 3] })).toBeCloseTo(0.5 / 0.001, 6);
  });
});

describe('chi-square', () => {
  it('2×3 table as chi2_contingency(correction=False)', () => {
    // chi2_contingency([[30, 50, 20], [45, 35, 20]], correction=False) → 5.647058823529411, p 0.05939593960520477, dof 2
    const r = chiSquareTest([30, 50, 20], [45, 35, 20], 100, 100);
    expect(r.statistic).toBeCloseTo(5.647058823529411, 10);
    expect(r.pValue).toBeCloseTo(0.05939593960520477, 10);
  });

  it('2×2 (the two-proportion z-test) as chi2_contingency(correction=False)', () => {
    // chi2_contingency([[30, 70], [45, 55]], correction=False) → 4.8, p 0.028459736916310638
    const r = chiSquareTest([30, 70], [45, 55], 100, 100);
    expect(r.statistic).toBeCloseTo(4.8, 10);
    expect(r.pValue).toBeCloseTo(0.028459736916310638, 10);
  });

  it('weighted counts are scaled to the effective sizes; a category empty in both is dropped', () => {
    const r = chiSquareTest([3, 7, 0], [9, 11, 0], 100, 100);
    expect(r.statistic).toBeCloseTo(4.8, 10);
  });

  it('one category: nothing to test (p = 1)', () => {
    expect(chiSquareTest([10], [20], 10, 20).pValue).toBe(1);
  });
});

describe('PSI and Jensen–Shannon', () => {
  const P = [0.3, 0.5, 0.2];
  const Q = [0.45, 0.35, 0.2];
  it('as scipy / numpy', () => {
    // jensenshannon([0.3,0.5,0.2], [0.45,0.35,0.2]) = 0.11917737800767603
    // np.sum((q-p)*np.log(q/p)) = 0.11432100780703455
    expect(jsDistance(P, Q)).toBeCloseTo(0.11917737800767603, 12);
    expect(psi(P, Q)).toBeCloseTo(0.11432100780703455, 12);
  });

  it('an empty bin becomes 0.0001 (Evidently) instead of an infinite log', () => {
    // jensenshannon([0.5,0.5,0.0001], [0.4,0.4,0.2]) = 0.2729123110276877
    // p=[.5,.5,.0001], q=[.4,.4,.2]: np.sum((q-p)*np.log(q/p)) = 1.5640491119253044
    expect(EMPTY_BIN).toBe(1e-4);
    expect(jsDistance([0.5, 0.5, 0], [0.4, 0.4, 0.2])).toBeCloseTo(0.2729123110276877, 12);
    expect(psi([0.5, 0.5, 0], [0.4, 0.4, 0.2])).toBeCloseTo(1.5640491119253044, 12);
  });

  it('identical distributions: 0', () => {
    expect(psi(P, P)).toBe(0);
    expect(jsDistance(P, P)).toBe(0);
  });
});

describe('bins', () => {
  it('Sturges on the combined data, as np.histogram_bin_edges(A+B, bins="sturges")', () => {
    // → [0.05, 0.30833333, 0.56666667, 0.825, 1.08333333, 1.34166667, 1.6] for 18 values, but A+B has
    // only 18 distinct values (≤ 20), so binTogether uses categories; 30 distinct values use ranges.
    expect(sturges(18)).toBe(6);
    const many = Array.from({ length: 30 }, (_, i) => i / 10);
    const b = binTogether({ values: many.slice(0, 15) }, { values: many.slice(15) }, true);
    expect(b.kind).toBe('range');
    expect(b.edges.length).toBe(sturges(30) + 1);
    expect(b.reference.reduce((s, x) => s + x, 0)).toBeCloseTo(1, 12);
    // The reference fills the lower half of the bins, the current the upper half: empty bins on each side.
    expect(b.reference[b.reference.length - 1]).toBe(0);
    expect(b.current[0]).toBe(0);
    expect(binTogether({ values: A }, { values: B }, true).kind).toBe('category');
  });

  it('weighted shares', () => {
    const b = binTogether({ values: [0, 1, 1], weights: [2, 1, 1] }, { values: [0, 2] }, false);
    expect(b.edges).toEqual([0, 1, 2]);
    expect(b.reference).toEqual([0.5, 0.5, 0]);
    expect(b.current).toEqual([0.5, 0, 0.5]);
  });
});

describe("Evidently's choice and verdicts", () => {
  it('test by type, distinct values and reference size', () => {
    expect(chooseTest(true, 50, 1000)).toBe('ks_p');
    expect(chooseTest(true, 5, 1000)).toBe('chi2_p');
    expect(chooseTest(false, 8, 500)).toBe('chi2_p');
    expect(chooseTest(true, 50, 1001)).toBe('wasserstein');
    expect(chooseTest(false, 8, 5000)).toBe('js');
  });

  it('a numeric shift is flagged by Wasserstein with a large reference; the same data does not drift from itself', () => {
    const ref = Array.from({ length: 2000 }, (_, i) => (i % 100) / 100);
    const cur = ref.map((x) => x + 0.2);
    const d = columnDrift({ name: 'x', numeric: true }, { values: ref }, { values: cur });
    expect(d.metric).toBe('wasserstein');
    expect(d.value).toBeCloseTo(0.2 / Math.sqrt((100 * 100 - 1) / 12 / 10000), 2);
    expect(d.drifted).toBe(true);
    expect(d.all.psi).toBeGreaterThan(0.1);
    expect(d.all.ks_p).toBeLessThan(0.05);
    expect(columnDrift({ name: 'x', numeric: true }, { values: ref }, { values: ref }).drifted).toBe(false);
  });

  it('small references use p-values; a constant column and one category never drift', () => {
    const d = columnDrift({ name: 'c', numeric: false }, { values: [0, 0, 1, 1, 2, 2] }, { values: [2, 2, 2, 2, 2, 2] });
    expect(d.metric).toBe('chi2_p');
    expect(d.drifted).toBe(true);
    const k = columnDrift({ name: 'k', numeric: true }, { values: [3, 3, 3] }, { values: [3, 3] });
    expect(k.metric).toBe('chi2_p');
    expect(k.value).toBe(1);
    expect(k.drifted).toBe(false);
  });

  it('data-set drift when at least half of the columns drift', () => {
    const mk = (drifted: boolean) => ({ drifted }) as Parameters<typeof datasetDrift>[0][number];
    expect(datasetDrift([mk(true), mk(false)]).drifted).toBe(true);
    expect(datasetDrift([mk(true), mk(false), mk(false)])).toEqual({ share: 1 / 3, drifted: false, count: 1 });
  });
});
