// Sparse rows hold exactly the dense transform's values, in a handful of slots per row.
import { describe, expect, it } from 'vitest';
import { createWorld } from '../sim/world.ts';
import { generate } from '../sim/generate.ts';
import { DEFAULT_PARAMS } from '../sim/params.ts';
import { denseRow, fitFeatures, fromDense, rowEntries, selectSparse, sliceSparse, slotCount, specFromToggles, transform, transformSparse, type FeatureSpec } from './index.ts';

const world = createWorld(DEFAULT_PARAMS);
const cols = generate(world, { rows: 3_000 });
const tables = { queryTexts: world.queryTexts, adHeadlines: world.ads.map((a) => a.headline) };

describe('transformSparse', () => {
  const specs: [string, FeatureSpec][] = [
    ['default', specFromToggles({ oneHots: true, numerics: true, cross: true, hashed: false, hashBuckets: 64 })],
    ['hashed', specFromToggles({ oneHots: true, numerics: true, cross: true, hashed: true, hashBuckets: 16 })],
    ['query token × ad category', { oneHot: ['device'], numeric: ['logBid'], cross: false, hashed: { buckets: 8, query: true, headline: false, queryTokenAdCat: true } }],
    ['numerics only', specFromToggles({ oneHots: false, numerics: true, cross: false, hashed: false, hashBuckets: 8 })],
  ];
  for (const [name, spec] of specs) {
    it(`${name}: every row equals the dense transform's row`, () => {
      const rows = Uint32Array.from({ length: 500 }, (_, i) => (i * 7) % cols.n);
      const f = fitFeatures(spec, cols, tables, Uint32Array.from({ length: 2000 }, (_, i) => i));
      const dense = transform(f, cols, rows);
      const sparse = transformSparse(f, cols, rows);
      expect(sparse.d).toBe(dense.d);
      expect(sparse.k).toBe(slotCount(f));
      for (let i = 0; i < rows.length; i++) expect(Array.from(denseRow(sparse, i))).toEqual(Array.from(dense.X.subarray(i * dense.d, (i + 1) * dense.d)));
    });
  }

  it('the default row has 8 non-zero features out of 92 in 5 slots and 3 numerics', () => {
    const f = fitFeatures(specs[0]![1], cols, tables);
    const x = transformSparse(f, cols);
    expect([x.d, x.k, x.q]).toEqual([92, 5, 3]);
    expect(rowEntries(x, 0).length).toBe(8);
    expect(x.idx.byteLength + x.num.byteLength).toBe(cols.n * 32);
  });

  it('slices and selections are the same rows; a dense matrix reads as numerics', () => {
    const f = fitFeatures(specs[1]![1], cols, tables);
    const x = transformSparse(f, cols);
    expect(Array.from(denseRow(sliceSparse(x, 10, 20), 3))).toEqual(Array.from(denseRow(x, 13)));
    expect(Array.from(denseRow(selectSparse(x, [5, 2]), 1))).toEqual(Array.from(denseRow(x, 2)));
    const X = Float32Array.of(1, 0, 2, 0, 3, 0);
    expect(Array.from(denseRow(fromDense(X, 3), 1))).toEqual([0, 3, 0]);
  });
});

describe('rowView (step 3)', () => {
  it('a sample row reads as 8 non-zero features out of 92, with its indices and its dense row', async () => {
    const { rowView, denseText } = await import('./sample-row.ts');
    const row = { day: 3, hour: 9, query: 'cheap flights lisbon', queryCategory: 'travel', device: 'mobile', intent: 0.4, headline: 'Flights to lisbon from $49', adCategory: 'travel', quality: 0.7, bid: 1.2, label: 0 as const };
    const v = rowView(specFromToggles({ oneHots: true, numerics: true, cross: true, hashed: false, hashBuckets: 64 }), row);
    expect([v.d, v.slots, v.numerics, v.entries.length]).toEqual([92, 5, 3, 8]);
    expect(v.entries.map((e) => e.name)).toContain('cross:travel×travel');
    expect(denseText(v.dense).split(' ')).toHaveLength(92);
    const h = rowView(specFromToggles({ oneHots: true, numerics: true, cross: true, hashed: true, hashBuckets: 4096 }), row);
    expect(h.d).toBe(92 + 8192);
    expect(denseText(h.dense)).toMatch(/0×\d+/);
  });
});
