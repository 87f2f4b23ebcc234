// Step 2's data card on the story's defaults (1,000,000 rows, skew 0.0001) and beside them: the
// buggy batch's share of the "show" labels that step 2 reports (data-metric="buggy_share") is
// counted over the batch's own slice and days, its sampled rows are flagged, and the claim names a
// share near the design's. The design (src/lib/sim/constants.ts, BUGGY_WRONG_PER_TRUE = 0.8) adds
// 0.8 wrong "show" labels per true positive of the whole log, so with noise that cancels on
// average the batch's expected share is 0.8 / (1 + 0.8) = 0.444.
import { describe, expect, it } from 'vitest';
import { createDataset } from '../../workers/lab/datasets.ts';
import { summarize } from '../../workers/lab/summary.ts';
import { DEFAULT_PARAMS } from '../../src/lib/sim/params.ts';
import { BUGGY_AD_CAT, BUGGY_DAYS, BUGGY_DEVICE, BUGGY_QUERY_CAT } from '../../src/lib/sim/constants.ts';
import { CATEGORIES, DEVICES } from '../../src/lib/sim/types.ts';
import { dataClaim } from '../../src/lib/story/data-claim.ts';
import { SEEDS } from './support.ts';

const SETTINGS = [
  ...SEEDS.map((seed) => ({ seed })),
  { seed: 'unseen-7', noise: 0 },
  { seed: 'unseen-8', noise: 0.3 },
];

describe('step 2 names the buggy batch', () => {
  it.each(SETTINGS)('at 1,000,000 rows, $seed (noise $noise)', async (over) => {
    const params = { ...DEFAULT_PARAMS, ...over };
    const ds = await createDataset({ params, rows: 1_000_000 });
    const s = summarize(ds, 0);
    const c = ds.cols;
    let buggy = 0;
    for (let i = 0; i < c.n; i++) {
      const inSlice = c.queryCat[i] === BUGGY_QUERY_CAT && c.adCat[i] === BUGGY_AD_CAT && c.device[i] === BUGGY_DEVICE && c.day[i]! >= BUGGY_DAYS[0] && c.day[i]! <= BUGGY_DAYS[1];
      if (inSlice && c.label[i]) buggy += c.weight[i]!;
    }
    expect(s.buggyPositives).toBe(buggy);
    for (const r of s.sample) {
      const inSlice = r.queryCategory === CATEGORIES[BUGGY_QUERY_CAT] && r.adCategory === CATEGORIES[BUGGY_AD_CAT] && r.device === DEVICES[BUGGY_DEVICE] && r.day >= BUGGY_DAYS[0] && r.day <= BUGGY_DAYS[1];
      expect(r.buggy).toBe(inSlice);
    }
    const claim = dataClaim({ total: s.total, positives: s.positives, buggyPositives: s.buggyPositives, skew: params.skew, noise: params.noise });
    // About 100 true positives: the share's binomial noise is about ±0.05 around 0.444.
    expect(claim.buggy).not.toBe('none');
    expect(claim.buggyShare).toBeGreaterThan(0.3);
    expect(claim.buggyShare).toBeLessThan(0.6);
    expect(claim.batch).toContain('travel queries × finance ads on mobile, days 20–34');
  });
});
