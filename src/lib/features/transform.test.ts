import { describe, expect, it } from 'vitest';
import { featureNames, fitFeatures, fnv1a32, specFromToggles, tokenize, transform, type FeatureSpec } from './index.ts';
import { columnsFrom } from './columns-from.ts';

const TABLES = {
  queryTexts: ['cheap flights to lisbon', 'buy laptop', 'cheap cheap laptop'],
  adHeadlines: ['Flights to Lisbon', 'Laptop deals', 'Cheap loans'],
};
const E = Math.E;
const COLS = columnsFrom({
  queryCat: [0, 2, 2, 0, 3],
  adCat: [3, 2, 0, 0, 7],
  device: [0, 1, 2, 0, 1],
  hour: [13, 0, 23, 4, 7],
  intent: [0.1, 0.2, 0.3, 0.9, 0.9],
  quality: [0.5, 0.5, 0.5, 0.5, 0.5],
  bid: [1, E, E * E, 1, 1],
  queryText: [0, 1, 2, 0, 1],
  adId: [0, 1, 2, 1, 0],
});
const B = 16;
const SPEC = specFromToggles({ oneHots: true, numerics: true, cross: true, hashed: true, hashBuckets: B });
const TRAIN = new Uint32Array([0, 1, 2]);

/** Row i of a row-major matrix. */
const row = (X: Float32Array, d: number, i: number) => Array.from(X.subarray(i * d, (i + 1) * d));

/** The hashed block of a text computed independently: each token adds 1 at fnv1a32(token) mod B. */
function expectedTokens(text: string, mix?: number): number[] {
  const v = new Array<number>(B).fill(0);
  for (const tok of tokenize(text)) {
    // The token × category hash is FNV-1a over the token's bytes followed by the category code byte.
    const h = mix === undefined ? fnv1a32(tok) : fnv1a32(tok + String.fromCharCode(mix));
    v[h % B] = (v[h % B] as number) + 1;
  }
  return v;
}

describe('transform', () => {
  const f = fitFeatures(SPEC, COLS, TABLES, TRAIN);
  const m = transform(f, COLS);
  const idx = (name: string) => m.names.indexOf(name);

  it('shape and names', () => {
    expect([m.n, m.d, m.X.length]).toEqual([5, 124, 5 * 124]);
    expect(m.names).toEqual(featureNames(SPEC));
  });

  it('one-hot positions', () => {
    // Row 0: travel query (col 0), finance ad (8 + 3), mobile (16), hour 13 → bucket 12–15 (19 + 3).
    const r0 = row(m.X, m.d, 0);
    expect([0, 11, 16, 22].map((j) => r0[j])).toEqual([1, 1, 1, 1]);
    expect(r0.slice(0, 25).reduce((a, b) => a + b, 0)).toBe(4);
    expect(m.X[0 * m.d + idx('hour=12–15')]).toBe(1);
    // Row 2: hour 23 → last bucket; tablet.
    expect(m.X[2 * m.d + idx('hour=20–23')]).toBe(1);
    expect(m.X[2 * m.d + idx('device=tablet')]).toBe(1);
    // Every row has exactly 4 ones in the one-hot blocks.
    for (let i = 0; i < m.n; i++) expect(row(m.X, m.d, i).slice(0, 25).reduce((a, b) => a + b, 0)).toBe(4);
  });

  it('cross position: cell queryCat·8 + adCat, exactly one per row', () => {
    expect(m.X[0 * m.d + idx('cross:travel×finance')]).toBe(1); // row 0: (0, 3) → 28 + 3
    expect(idx('cross:travel×finance')).toBe(31);
    expect(m.X[4 * m.d + idx('cross:finance×home')]).toBe(1); // row 4: (3, 7) → 28 + 31
    expect(m.X[1 * m.d + idx('cross:electronics×electronics')]).toBe(1);
    for (let i = 0; i < m.n; i++) expect(row(m.X, m.d, i).slice(28, 92).reduce((a, b) => a + b, 0)).toBe(1);
  });

  it('standardises with statistics of the training rows only', () => {
    // Train rows 0–2: intent .1 .2 .3 → mean .2, std √(.02/3) = 0.0816497. Test row 3 (intent .9) → 8.5732.
    expect(f.numeric[0]?.mean).toBeCloseTo(0.2, 6);
    expect(f.numeric[0]?.std).toBeCloseTo(Math.sqrt(0.02 / 3), 6);
    const j = idx('intent (std)');
    expect(m.X[3 * m.d + j]).toBeCloseTo(0.7 / Math.sqrt(0.02 / 3), 3);
    // Over the train rows the column has mean 0 and std 1; the test rows (mean .9) do not.
    const train = [0, 1, 2].map((i) => m.X[i * m.d + j] as number);
    expect(train.reduce((a, b) => a + b, 0)).toBeCloseTo(0, 5);
    expect(Math.sqrt(train.reduce((a, b) => a + b * b, 0) / 3)).toBeCloseTo(1, 5);
    // Fitting on all rows instead gives a different mean (0.48), hence different values.
    expect(fitFeatures(SPEC, COLS, TABLES).numeric[0]?.mean).toBeCloseTo(0.48, 6);
    // log bid: ln 1, ln e, ln e² = 0, 1, 2 → mean 1, std √(2/3); row 0 → −1/√(2/3) = −1.2247.
    expect(m.X[idx('log bid (std)')]).toBeCloseTo(-1 / Math.sqrt(2 / 3), 5);
    // A constant column (quality) gets std 1, so it becomes 0 instead of NaN.
    expect(f.numeric[1]).toEqual({ name: 'quality', mean: 0.5, std: 1 });
    expect(m.X[idx('quality (std)')]).toBe(0);
  });

  it('hashed query and headline tokens: counts at fnv1a32(token) mod buckets', () => {
    const q = idx('qtok#0');
    const a = idx('adtok#0');
    expect(row(m.X, m.d, 2).slice(q, q + B)).toEqual(expectedTokens('cheap cheap laptop'));
    expect(row(m.X, m.d, 0).slice(q, q + B)).toEqual(expectedTokens('cheap flights to lisbon'));
    expect(row(m.X, m.d, 1).slice(a, a + B)).toEqual(expectedTokens('Laptop deals'));
    // "cheap" occurs twice in text 2, so some bucket holds at least 2.
    expect(Math.max(...row(m.X, m.d, 2).slice(q, q + B))).toBeGreaterThanOrEqual(2);
    expect(f.bucketHints.query[fnv1a32('laptop') % B]).toMatch(/laptop/);
  });

  it('query token × ad category block', () => {
    const spec: FeatureSpec = { oneHot: [], numeric: [], cross: false, hashed: { buckets: B, query: false, headline: false, queryTokenAdCat: true } };
    const fx = fitFeatures(spec, COLS, TABLES);
    const mx = transform(fx, COLS);
    expect(mx.d).toBe(B);
    expect(row(mx.X, B, 0)).toEqual(expectedTokens('cheap flights to lisbon', 3));
    expect(row(mx.X, B, 4)).toEqual(expectedTokens('buy laptop', 7));
  });

  it('transforming new rows gives the corresponding rows of the fitted matrix', () => {
    const pick = new Uint32Array([4, 0, 3]);
    const sub = transform(f, COLS, pick);
    expect(sub.n).toBe(3);
    pick.forEach((r, i) => expect(row(sub.X, sub.d, i)).toEqual(row(m.X, m.d, r)));
    // The same rows arriving as a new block (as serving sees them).
    const fresh = columnsFrom({
      queryCat: [3, 0],
      adCat: [7, 3],
      device: [1, 0],
      hour: [7, 13],
      intent: [0.9, 0.1],
      quality: [0.5, 0.5],
      bid: [1, 1],
      queryText: [1, 0],
      adId: [0, 0],
    });
    const mf = transform(f, fresh);
    expect(row(mf.X, mf.d, 0)).toEqual(row(m.X, m.d, 4));
    expect(row(mf.X, mf.d, 1)).toEqual(row(m.X, m.d, 0));
  });

  it('the fitted object survives JSON and structured clone unchanged', () => {
    const viaJson = JSON.parse(JSON.stringify(f)) as typeof f;
    expect(Array.from(transform(viaJson, COLS).X)).toEqual(Array.from(m.X));
    expect(Array.from(transform(structuredClone(f), COLS).X)).toEqual(Array.from(m.X));
  });

  it('an empty spec gives d = 0', () => {
    const empty = fitFeatures({ oneHot: [], numeric: [], cross: false, hashed: null }, COLS, TABLES);
    const e = transform(empty, COLS);
    expect([e.n, e.d, e.X.length]).toEqual([5, 0, 0]);
  });
});

describe('errors', () => {
  const f = fitFeatures(SPEC, COLS, TABLES, TRAIN);
  it('out-of-range codes, indices and rows throw with the row', () => {
    expect(() => transform(f, columnsFrom({ queryText: [0, 9] }))).toThrow(/queryText index 9 at row 1/);
    expect(() => transform(f, columnsFrom({ adCat: [0, 0, 8] }))).toThrow(/adCat 8 at row 2/);
    expect(() => transform(f, columnsFrom({ device: [3] }))).toThrow(/device 3 at row 0/);
    expect(() => transform(f, columnsFrom({ adId: [3] }))).toThrow(/adId 3 at row 0/);
    expect(() => transform(f, COLS, new Uint32Array([5]))).toThrow(/row index 5/);
    expect(() => fitFeatures(SPEC, COLS, TABLES, new Uint32Array([7]))).toThrow(/training row index 7/);
    expect(() => fitFeatures(SPEC, COLS, TABLES, new Uint32Array(0))).toThrow(/no training rows/);
  });
});
