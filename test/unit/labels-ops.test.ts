// The label operations of the lab worker on a small world: relabelling makes a new data version
// and leaves the old one alone; collection keeps every observed "show", checks it with the expert,
// and weights rows as asked; relabelling the top suspects needs suspects first.
import { describe, expect, it } from 'vitest';
import { createDataset, getDataset } from '../../workers/lab/datasets.ts';
import { relabelDataset, relabelQuote } from '../../workers/lab/relabel.ts';
import { collect } from '../../workers/lab/collect.ts';
import { familiesOf, inSlice } from '../../workers/lab/slices.ts';
import { RELABEL_COST_PER_ROW } from '../../src/lib/sim/oracle.ts';
import { DEFAULT_PARAMS } from '../../src/lib/sim/params.ts';

const params = { ...DEFAULT_PARAMS, seed: 'labels-ops', skew: 0.01 };

describe('relabelling', () => {
  it('fixes the chosen rows in a new version, counts the changes and the cost', async () => {
    const ds = await createDataset({ params, rows: 200_000 });
    const before = ds.cols.label.slice();
    const choice = { slice: 'cell:travel×finance', positivesOnly: true };
    const quote = relabelQuote(ds.id, choice, RELABEL_COST_PER_ROW);
    let chosen = 0;
    let wrong = 0;
    for (let i = 0; i < ds.cols.n; i++) {
      if (ds.cols.label[i] !== 1 || !inSlice(ds.cols, i, choice.slice)) continue;
      chosen++;
      if (ds.cols.truth[i] === 0) wrong++;
    }
    expect(quote.rows).toBe(chosen);
    const r = relabelDataset(ds.id, choice);
    expect(r.rows).toBe(chosen);
    expect(r.labelsChanged).toBe(wrong);
    expect(r.cost).toBeCloseTo(chosen * RELABEL_COST_PER_ROW, 9);
    expect(r.dataVersion).toBe(2);
    expect(getDataset(ds.id).cols.label).toEqual(before);
    const fixed = getDataset(r.datasetId).cols;
    let diff = 0;
    for (let i = 0; i < fixed.n; i++) if (fixed.label[i] !== before[i]) diff++;
    expect(diff).toBe(wrong);
  });

  it('the top suspects need suspects first', async () => {
    const ds = await createDataset({ params, rows: 1000 });
    expect(() => relabelDataset(ds.id, { topSuspects: 10 })).toThrow(/find them first/);
  });

  it('slice families cover every row once per family', async () => {
    const ds = await createDataset({ params, rows: 5000 });
    for (const f of familiesOf(ds.cols)) expect(f.keys.length).toBe(ds.cols.n);
  });
});

describe('collection', () => {
  it('keeps every observed show, checks it, and weights as asked', async () => {
    const plain = await collect({ params, rows: 400_000, keep: 0.01, upweight: false, positiveWeight: 3 });
    const c = getDataset(plain.datasetId).cols;
    expect(plain.kept).toBe(c.n);
    expect(plain.kept).toBeLessThan(400_000 * 0.05);
    expect(plain.cost).toBeCloseTo(plain.checked * RELABEL_COST_PER_ROW, 9);
    expect(plain.checked).toBeGreaterThanOrEqual(plain.positives);
    for (let i = 0; i < c.n; i++) {
      if (c.label[i] === 1) {
        expect(c.truth[i]).toBe(1);
        expect(c.weight[i]).toBe(3);
      } else expect(c.weight[i]).toBe(1);
    }
    const up = await collect({ params, rows: 400_000, keep: 0.01, upweight: true, positiveWeight: 1 });
    const u = getDataset(up.datasetId).cols;
    expect(up.kept).toBe(plain.kept);
    // A kept negative weighs 1/w; a row kept because its label said "show" was kept for sure and weighs 1,
    // also when the expert turned it into a "don't show".
    let turned = 0;
    for (let i = 0; i < u.n; i++) {
      if (u.label[i] === 1) expect(u.weight[i]).toBe(1);
      else if (u.weight[i] === 1) turned++;
      else expect(u.weight[i]).toBeCloseTo(100, 3);
    }
    expect(turned).toBe(up.checked - up.positives);
  });
});
