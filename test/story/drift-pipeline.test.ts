// Steps 9–10 in the app's own pipeline (the lab worker's modules in Node, cpu backend): the stale
// model (the step-7/8 recipe on days 0–44) is good on its old test days and clearly worse on
// yesterday at the default drift; the drift report flags the drifted features (device mix, the
// seasonal query categories and their cross); training on the last 14 days recovers. At drift 0
// nothing decays and almost nothing is flagged. Step 10's freshness text compares each curve's first and
// last 5-day mean AUC (the ends of its line on the chart). Metrics against the truth (clean labels).
import { beforeAll, describe, expect, it } from 'vitest';
import { startBackend } from '../../workers/lab/backends.ts';
import { DEFAULT_PARAMS } from '../../src/lib/sim/params.ts';
import { trainWindow } from '../../workers/lab/window.ts';
import { staleEval } from '../../workers/lab/drift-api.ts';
import { driftReport } from '../../workers/lab/drift.ts';
import { getModel, removeModel } from '../../workers/lab/models.ts';
import { freshness } from '../../workers/lab/freshness.ts';
import { freshnessVerdict, summarizeFreshness } from '../../src/lib/drift/freshness.ts';
import { SEEDS } from './support.ts';

const never = () => false;
/** The features the world drifts at drift > 0 (device mix, seasonal query popularity, and the cross that contains it). */
const DRIFTED = ['device', 'query_category', 'category_cross'];

beforeAll(async () => {
  expect(await startBackend('cpu')).toBeNull();
});

/** Old-test and yesterday AUC of the stale model, its drift report, and (if asked) a model trained on days 75–88 on yesterday. */
async function story(seed: string, drift: number, retrain: boolean) {
  const params = { ...DEFAULT_PARAMS, seed, drift };
  const stale = await trainWindow({ params, days: [0, 44] }, {});
  const e = await staleEval(stale.modelId, never);
  const report = await driftReport(getModel(stale.modelId), never);
  removeModel(stale.modelId);
  let fresh = NaN;
  if (retrain) {
    const f = await trainWindow({ params, days: [75, 88] }, {});
    fresh = (await staleEval(f.modelId, never, false)).yesterday.auc.value;
    removeModel(f.modelId);
  }
  return { old: e.oldTest!.auc.value, yesterday: e.yesterday.auc.value, fresh, report };
}

describe('steps 9–10 in the app pipeline', () => {
  for (const seed of SEEDS) {
    it(`seed ${seed}: a gap at default drift with the drifted features flagged and recovered by the last 14 days; none at drift 0`, async () => {
      const d = await story(seed, DEFAULT_PARAMS.drift, true);
      const s = await story(seed, 0, false);
      const flagged = (r: typeof d.report) => r.features.filter((f) => f.drifted).map((f) => f.name);
      console.info(
        `steps 9–10 ${seed}: drift ${DEFAULT_PARAMS.drift}: old test ${d.old.toFixed(3)}, yesterday ${d.yesterday.toFixed(3)} (gap ${(d.old - d.yesterday).toFixed(3)}), ` +
          `last 14 days ${d.fresh.toFixed(3)}; flagged ${flagged(d.report).join(', ')} (${d.report.millis.toFixed(0)} ms); ` +
          `drift 0: old ${s.old.toFixed(3)}, yesterday ${s.yesterday.toFixed(3)}, flagged ${s.report.count}/${s.report.features.length}`,
      );
      expect(d.old - d.yesterday).toBeGreaterThanOrEqual(0.05);
      for (const f of DRIFTED) expect(flagged(d.report)).toContain(f);
      expect(d.fresh).toBeGreaterThanOrEqual(d.old - 0.02);
      expect(Math.abs(s.old - s.yesterday)).toBeLessThanOrEqual(0.02);
      expect(s.report.share).toBeLessThanOrEqual(0.1);
    }, 120_000);
  }
});

/** The freshness verdict step 10's text is built from, on a world. */
async function freshVerdict(seed: string, drift: number) {
  const curves = await freshness({ ...DEFAULT_PARAMS, seed, drift }, never);
  const sums = curves.map((c) => summarizeFreshness(c));
  return { sums, v: freshnessVerdict(sums) };
}

describe('step 10 freshness text', () => {
  for (const seed of SEEDS) {
    it(`seed ${seed}: at default drift no curve gains, and at least one loses (the "loses ground" sentence); at drift 0 none loses`, async () => {
      const d = await freshVerdict(seed, DEFAULT_PARAMS.drift);
      const z = await freshVerdict(seed, 0);
      const fmt = (r: typeof d) => r.sums.map((e) => `to ${e.endDay}: ${e.early.toFixed(3)}→${e.late.toFixed(3)}`).join(', ');
      console.info(`freshness ${seed}: drift ${DEFAULT_PARAMS.drift}: ${fmt(d)}; drift 0: ${fmt(z)}`);
      expect(d.v.losing.length).toBeGreaterThanOrEqual(1);
      expect(d.v.gaining).toEqual([]);
      // The text names the steady curves "within the noise", so they must be the short-serving ones.
      for (const e of d.v.steady) expect(e.lateTo).toBeLessThanOrEqual(Math.min(...d.v.losing.map((l) => l.lateTo)));
      expect(z.v.losing).toEqual([]);
    }, 120_000);
  }
});
