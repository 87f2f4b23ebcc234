// Steps 9–10's window models pay for their labels the way the story does (step 5's expert at step
// 5's price, step 7's collection rule): no row of their training set carries the simulator's truth
// unless the expert was paid to check it.
import { beforeAll, expect, test } from 'vitest';
import { startBackend } from '../../workers/lab/backends.ts';
import { getDataset } from '../../workers/lab/datasets.ts';
import { trainWindow } from '../../workers/lab/window.ts';
import { RELABEL_COST_PER_ROW } from '../../src/lib/sim/constants.ts';
import { DEFAULT_PARAMS } from '../../src/lib/sim/params.ts';

beforeAll(async () => {
  expect(await startBackend('cpu')).toBeNull();
}, 60_000);

test('a window model trains on the annotator’s labels with every kept “show” checked and paid for', async () => {
  // A noisy annotator (30% of true "show" rows missed) on a world with more positives, so the counts are large.
  const params = { ...DEFAULT_PARAMS, seed: 'window-labels', skew: 0.002, noise: 0.3 };
  const r = await trainWindow({ params, days: [75, 88], rows: 600_000 }, {});
  const bill = r.labels!;
  const cols = getDataset(r.config.datasetId).cols;
  expect(bill.kept).toBe(cols.n);
  expect(bill.cost).toBeCloseTo(bill.checked * RELABEL_COST_PER_ROW, 9);
  let positives = 0;
  let missed = 0;
  for (let i = 0; i < cols.n; i++) {
    // Every "show" left in the training set was checked by the expert, so it is truly worth showing.
    if (cols.label[i] === 1) {
      positives++;
      expect(cols.truth[i]).toBe(1);
    }
    // A true "show" the annotator missed and nobody paid to check stays a "don't show" (the truth is not free).
    if (cols.truth[i] === 1 && cols.label[i] === 0) missed++;
  }
  expect(bill.checked).toBe(positives + bill.corrected);
  // About 30% of true positives are missed by the annotator; of them only the 1% of kept negatives stay.
  expect(missed).toBeGreaterThan(0);
  expect(bill.corrected).toBeGreaterThan(0);
  expect(r.validation.auc.value).toBeGreaterThan(0.8);
}, 120_000);
