// Steps 9–10 in the app's own pipeline (the lab worker's modules in Node, cpu backend): the stale
// model (the step-7/8 recipe on days 0–44) is good on its old test days and clearly worse on
// yesterday at the default drift; the drift report flags the drifted features (device mix, the
// seasonal query categories and their cross); training on the last 14 days recovers. At drift 0
// nothing decays and almost nothing is flagged. Step 10's freshness text compares each curve's first and
// last 5-day mean AUC (the ends of its line on the chart). Metrics against the truth (clean labels).
// The reference learner (plain TypeScript, test/story/support.ts), trained on each model's collected
// rows with its settings, must agree with the app's AUCs on the same streams.
import { beforeAll, describe, expect, it } from 'vitest';
import { startBackend } from '../../workers/lab/backends.ts';
import { DEFAULT_PARAMS } from '../../src/lib/sim/params.ts';
import { trainWindow } from '../../workers/lab/window.ts';
import { staleEval } from '../../workers/lab/drift-api.ts';
import { driftReport } from '../../workers/lab/drift.ts';
import { getModel, removeModel, type ModelRecord } from '../../workers/lab/models.ts';
import { getDataset } from '../../workers/lab/datasets.ts';
import { oldTestSet, yesterdaySet } from '../../workers/lab/drift-sets.ts';
import type { EvalSet } from '../../workers/lab/evalsets.ts';
import type { LogRegModel } from '../../src/lib/learn/logreg.ts';
import { freshness } from '../../workers/lab/freshness.ts';
import { summarizeFreshness } from '../../src/lib/drift/freshness.ts';
import { freshClaim, freshContradictions } from '../../src/lib/story/fresh-claim.ts';
import { fit, predict, SEEDS, weightedAuc } from './support.ts';

const never = () => false;
/** The features the world drifts at drift > 0 (device mix, seasonal query popularity, and the cross that contains it). */
const DRIFTED = ['device', 'query_category', 'category_cross'];
/** The reference learner's features (the cross on). */
const X = { cross: true };
/** Largest difference between the app's and the reference learner's AUC on the same rows and streams (measured up to
 * about 0.007, on yesterday's stream; the reference's gap is 0.059–0.077 on the five seeds, the app's 0.064–0.079). */
const AGREEMENT = 0.015;

beforeAll(async () => {
  expect(await startBackend('cpu')).toBeNull();
});

/** Old-test and yesterday AUC of the stale model, its drift report, and (if asked) a model trained on days 75–88 on yesterday;
 * beside each, the reference learner's AUC trained on the same collected rows with the same settings, on the same streams. */
async function story(seed: string, drift: number, retrain: boolean) {
  const params = { ...DEFAULT_PARAMS, seed, drift };
  const stale = await trainWindow({ params, days: [0, 44] }, {});
  const m = getModel(stale.modelId);
  const refOld = reference(m);
  const e = await staleEval(stale.modelId, never);
  const report = await driftReport(m, never);
  const oldSet = await oldTestSet(m.world, m.days, never);
  const ySet = await yesterdaySet(m.world, never);
  const ref = { old: aucOn(refOld, oldSet), yesterday: aucOn(refOld, ySet), fresh: NaN };
  removeModel(stale.modelId);
  let fresh = NaN;
  if (retrain) {
    const f = await trainWindow({ params, days: [75, 88] }, {});
    ref.fresh = aucOn(reference(getModel(f.modelId)), ySet);
    fresh = (await staleEval(f.modelId, never, false)).yesterday.auc.value;
    removeModel(f.modelId);
  }
  return { old: e.oldTest!.auc.value, yesterday: e.yesterday.auc.value, fresh, report, ref };
}

/** The reference learner (plain TypeScript, test/story/support.ts) on an app model's training rows, with its optimiser settings. */
function reference(m: ModelRecord): LogRegModel {
  const c = getDataset(m.config.datasetId).cols;
  const cfg = m.config;
  return fit(c, X, c.label, c.weight, { epochs: cfg.epochs, batchSize: cfg.batchSize, learningRate: cfg.learningRate, finalLearningRateFraction: cfg.finalLrFraction, l2: 0 });
}

/** Weighted AUC of a reference model on an evaluation stream (true labels). */
function aucOn(model: LogRegModel, set: EvalSet): number {
  return weightedAuc(predict(model, set.cols, X), set.labels, set.cols.weight);
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
          `drift 0: old ${s.old.toFixed(3)}, yesterday ${s.yesterday.toFixed(3)}, flagged ${s.report.count}/${s.report.features.length}; ` +
          `reference: ${d.ref.old.toFixed(4)}, ${d.ref.yesterday.toFixed(4)}, ${d.ref.fresh.toFixed(4)}; drift 0 ${s.ref.old.toFixed(4)}, ${s.ref.yesterday.toFixed(4)}`,
      );
      expect(d.old - d.yesterday).toBeGreaterThanOrEqual(0.05);
      expect(d.ref.old - d.ref.yesterday, 'gap of the reference learner').toBeGreaterThanOrEqual(0.05);
      for (const [name, app, ref] of [['old test', d.old, d.ref.old], ['yesterday', d.yesterday, d.ref.yesterday], ['last 14 days', d.fresh, d.ref.fresh], ['drift 0 old test', s.old, s.ref.old], ['drift 0 yesterday', s.yesterday, s.ref.yesterday]] as const)
        expect(Math.abs(app - ref), `${name}: app ${app.toFixed(4)} vs reference ${ref.toFixed(4)}`).toBeLessThanOrEqual(AGREEMENT);
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
  const v = freshClaim(curves.map((c) => summarizeFreshness(c)));
  return { sums: v.lines, v };
}

describe('step 10 freshness text', () => {
  for (const seed of SEEDS) {
    it(`seed ${seed}: at default drift no curve gains, and at least one loses (the "loses ground" sentence); at drift 0 none loses`, async () => {
      const d = await freshVerdict(seed, DEFAULT_PARAMS.drift);
      const z = await freshVerdict(seed, 0);
      const fmt = (r: typeof d) => `${r.v.outcome}: ` + r.sums.map((e) => `to ${e.endDay}: ${e.early.toFixed(3)}→${e.late.toFixed(3)} ${e.change} (noise ${e.noise.toFixed(3)})`).join(', ');
      console.info(`freshness ${seed}: drift ${DEFAULT_PARAMS.drift}: ${fmt(d)}; drift 0: ${fmt(z)}`);
      expect(d.v.losing.length).toBeGreaterThanOrEqual(1);
      expect(d.v.gaining).toEqual([]);
      // The text names the steady curves "within the noise", so they must be the short-serving ones.
      for (const e of d.v.steady) expect(e.lateTo).toBeLessThanOrEqual(Math.min(...d.v.losing.map((l) => l.lateTo)));
      expect(z.v.losing).toEqual([]);
      expect([...freshContradictions(d.v), ...freshContradictions(z.v)]).toEqual([]);
    }, 120_000);
  }
});
