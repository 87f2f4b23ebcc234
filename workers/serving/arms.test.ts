// The attribution arms' load rule: on each request, the arm's own best candidates, as many as the
// impressions policy shows there; checked against the plain definition (a stable sort of the
// request's candidates by the arm's score, highest first) on fixed-seed scores with many ties.
import { describe, expect, it } from 'vitest';
import { CANDIDATES_PER_QUERY } from '../../src/lib/market/index.ts';
import { Rng } from '../../src/lib/rng.ts';
import { atImpressionsLoad } from './arms.ts';

/** The definition: sort each request's candidates by `own`, descending, ties in candidate order; keep the first k. */
function reference(own: Float32Array, imp: Float32Array, bar: number, cap: number): Float32Array {
  const C = CANDIDATES_PER_QUERY;
  const out = new Float32Array(own.length).fill(-1);
  for (let first = 0; first + C <= own.length; first += C) {
    const k = Math.min(cap, Array.from(imp.subarray(first, first + C)).filter((v) => v >= bar).length);
    const order = Array.from({ length: C }, (_, j) => first + j).sort((a, b) => (own[b] as number) - (own[a] as number));
    for (const i of order.slice(0, k)) out[i] = Math.max(0, own[i] as number);
  }
  return out;
}

describe('atImpressionsLoad', () => {
  it('keeps, on each request, the arm’s best candidates, as many as the impressions policy shows, ties in candidate order', () => {
    const rng = new Rng('arms-load');
    const n = 500 * CANDIDATES_PER_QUERY;
    // Scores on a coarse grid (a tenth), so ties are common; the impressions scores set the count.
    const own = Float32Array.from({ length: n }, () => Math.floor(rng.uniform() * 10) / 10);
    const imp = Float32Array.from({ length: n }, () => rng.uniform());
    const got = atImpressionsLoad(own, imp, 0.6, 5);
    expect(Array.from(got)).toEqual(Array.from(reference(own, imp, 0.6, 5)));
    // Some requests show the cap, some fewer, some none.
    const shown = (q: number) => Array.from(got.subarray(q * CANDIDATES_PER_QUERY, (q + 1) * CANDIDATES_PER_QUERY)).filter((v) => v >= 0).length;
    const counts = new Set(Array.from({ length: 500 }, (_, q) => shown(q)));
    expect(counts.has(5)).toBe(true);
    expect([...counts].some((c) => c < 5)).toBe(true);
  });

  it('shows exactly the three best of a request when the impressions policy shows three', () => {
    const C = CANDIDATES_PER_QUERY;
    const own = Float32Array.from({ length: C }, (_, j) => (j === 4 ? 0.9 : j === 7 ? 0.8 : j === 2 || j === 9 ? 0.5 : 0.1));
    const imp = Float32Array.from({ length: C }, (_, j) => (j < 3 ? 1 : 0));
    const got = atImpressionsLoad(own, imp, 0.5, 8);
    // 0.9 (slot 4), 0.8 (slot 7), then the tie at 0.5 goes to the earlier candidate (slot 2).
    expect(Array.from(got).map((v, j) => (v >= 0 ? j : -1)).filter((j) => j >= 0)).toEqual([2, 4, 7]);
  });
});
