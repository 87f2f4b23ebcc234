// The memory budget: estimates from settings alone, refusals before allocation, and the LRU caches.
import { describe, expect, it } from 'vitest';
import { checkGenerate, checkTrain, featureBytes, LAB_LIMIT_BYTES, STORY_BUDGET_BYTES, trainBytes, COLUMN_BYTES_PER_ROW, type TrainShape } from './budget.ts';
import { ByteLru, CachePool } from './lru.ts';
import { DEFAULT_TRAIN_CONFIG } from './types.ts';
import { PARAMS } from '../url/params.ts';
import { allocColumns, COLUMN_NAMES } from '../sim/columns.ts';

const story: TrainShape = { rows: 1_000_000, features: DEFAULT_TRAIN_CONFIG.features, model: 'logreg', hidden: [], batchSize: DEFAULT_TRAIN_CONFIG.batchSize };
const T = DEFAULT_TRAIN_CONFIG.features;
const allOn = { ...T, hashed: true };

describe('the estimator', () => {
  it('counts every column of a generated row', () => {
    const c = allocColumns(10);
    const bytes = COLUMN_NAMES.reduce((s, n) => s + (c[n] as ArrayLike<number> & { byteLength: number }).byteLength, 0);
    expect(bytes / 10).toBe(COLUMN_BYTES_PER_ROW);
  });

  it('the story defaults: a 1M-row log and its sparse features fit in the 128 MB story budget', () => {
    expect(1_000_000 * COLUMN_BYTES_PER_ROW + featureBytes(1_000_000, T)).toBeLessThan(STORY_BUDGET_BYTES);
    expect(trainBytes(story)).toBeLessThan(LAB_LIMIT_BYTES);
  });

  it('the issue link (2M rows, 4,096 buckets, hashed tokens, logistic regression) now fits', () => {
    expect(() => checkTrain({ ...story, rows: 2_000_000, features: { ...allOn, hashBuckets: 4096 } })).not.toThrow();
  });

  it('the largest settings the URL allows are refused before allocation, naming the settings and the limit', () => {
    const max = (name: keyof typeof PARAMS) => (PARAMS[name] as { max: number }).max;
    const huge: TrainShape = { rows: max('rows'), features: { ...allOn, hashBuckets: max('buckets') }, model: 'mlp', hidden: [max('hidden'), max('hidden') / 2], batchSize: max('batch') };
    expect(() => checkTrain(huge)).toThrow(/^Too big for the lab: rows=2,000,000, features=onehot,numeric,cross,hashed with 4,096 hash buckets, model=mlp with hidden=256×128, batch=65,536 needs about [\d,]+ MB, over the 512 MB limit\.$/);
    expect(() => checkGenerate(100_000_000)).toThrow(/Too big for the lab: rows=100,000,000 .*512 MB limit/);
    expect(() => checkGenerate(max('rows'))).not.toThrow();
  });

  it('every setting the URL allows either fits in 512 MB or is refused (a grid over the extremes)', () => {
    for (const rows of [1_000, 1_000_000, 2_000_000])
      for (const hashed of [false, true])
        for (const model of ['logreg', 'mlp'] as const)
          for (const hidden of [2, 32, 256])
            for (const batchSize of [32, 4096, 65_536]) {
              const s: TrainShape = { rows, features: { ...allOn, hashed, hashBuckets: 4096 }, model, hidden: [hidden, Math.max(2, hidden / 2)], batchSize };
              const fits = trainBytes(s) <= LAB_LIMIT_BYTES;
              if (fits) expect(() => checkTrain(s)).not.toThrow();
              else expect(() => checkTrain(s)).toThrow(/Too big for the lab/);
            }
  });
});

describe('ByteLru', () => {
  it('drops the least recently used entries beyond its budget, keeps the newest whatever its size', () => {
    const c = new ByteLru<string, number>('t', 10, (v) => v);
    c.set('a', 4);
    c.set('b', 4);
    expect(c.get('a')).toBe(4);
    c.set('c', 4);
    expect(c.keys()).toEqual(['a', 'c']);
    expect(c.bytes).toBe(8);
    c.set('big', 50);
    expect(c.keys()).toEqual(['big']);
    expect(c.stats()).toEqual({ name: 't', entries: 1, bytes: 50, budget: 10 });
    expect(c.delete('big')).toBe(true);
    expect(c.bytes).toBe(0);
  });
});

describe('CachePool', () => {
  it('past the pool limit, sheddable caches drop their oldest entries (most over budget first), never a newest entry or a held cache', () => {
    const pool = new CachePool(100);
    const held = new ByteLru<string, number>('datasets', 60, (v) => v, { pool, sheddable: false });
    const feats = new ByteLru<string, number>('features', 40, (v) => v, { pool, sheddable: true });
    const evals = new ByteLru<string, number>('evalSets', 20, (v) => v, { pool, sheddable: true });
    held.set('d1', 30);
    held.set('d2', 30);
    evals.set('e1', 10);
    evals.set('e2', 10);
    feats.set('f1', 15);
    expect(pool.bytes).toBe(95);
    // A 45-byte training set: its own cache keeps only it (over its 40-byte budget); the pool is at 125 > 100.
    feats.set('f2', 45);
    // features holds one entry (cannot shed), so evalSets gives its oldest: 115, then cannot go on (one entry left).
    expect(feats.keys()).toEqual(['f2']);
    expect(evals.keys()).toEqual(['e2']);
    expect(held.keys()).toEqual(['d1', 'd2']);
    expect(pool.bytes).toBe(115);
    // A small set: the features cache's own budget drops f2 (45 + 5 > 40).
    feats.set('f3', 5);
    expect(feats.keys()).toEqual(['f3']);
    expect(pool.bytes).toBe(75);
    // Within the features budget (35 ≤ 40) but past the pool (105): features is the only cache with two entries, so f3 goes.
    feats.set('f4', 30);
    expect(feats.keys()).toEqual(['f4']);
    expect(pool.bytes).toBe(100);
  });
});

describe('downsampled generation', () => {
  it('counts the kept rows, not the candidates: a 20M-row stream keeping 5% of negatives fits, all of it does not', () => {
    expect(() => checkGenerate(20_000_000, 0.05, 0.01)).not.toThrow();
    expect(() => checkGenerate(20_000_000, 1, 0.01)).toThrow(/Too big for the lab: rows=20,000,000 needs about [\d,]+ MB, over the 512 MB limit/);
  });
});
