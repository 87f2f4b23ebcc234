// Steps 5–8 in the app's own pipeline (the lab worker's datasets, features, models and evaluation
// streams, imported directly as in test/unit/train-world.test.ts): the buggy slice ranks worst,
// relabelling it raises gold AUC, the clean model never says "show" at 0.5, collection with
// negative downsampling makes it say "show" and recalibrates, and upweighting stays calibrated. The
// reference learner (plain TypeScript, test/story/support.ts) trained on the same rows agrees on gold AUC.
import { beforeAll, describe, expect, it } from 'vitest';
import { startBackend } from '../../workers/lab/backends.ts';
import { addDataset, createDataset, getDataset } from '../../workers/lab/datasets.ts';
import { runTraining } from '../../workers/lab/train-job.ts';
import { getModel, removeModel } from '../../workers/lab/models.ts';
import { evalSet } from '../../workers/lab/evalsets.ts';
import { report, scoreSet } from '../../workers/lab/evaluate.ts';
import { sliceReport } from '../../workers/lab/slices.ts';
import { relabelDataset } from '../../workers/lab/relabel.ts';
import { collect } from '../../workers/lab/collect.ts';
import { outOfFold } from '../../workers/lab/oof.ts';
import { suspectReport } from '../../workers/lab/suspects.ts';
import { recalibrateAll } from '../../src/lib/labels/index.ts';
import { COLLECT_KEEP, COLLECT_ROWS, COLLECT_TRAIN, OOF_FOLDS, OOF_TRAIN, CALIBRATION_TOLERANCE } from '../../src/lib/labels/story.ts';
import { DEFAULT_PARAMS } from '../../src/lib/sim/params.ts';
import { DEFAULT_TRAIN_CONFIG, type EvalReport, type TrainConfig } from '../../src/lib/lab/types.ts';
import type { WorldParams } from '../../src/lib/sim/types.ts';
import { fit, predict, SEEDS, weightedAuc } from './support.ts';

/** Smallest gold-AUC gain of relabelling (measured 0.026–0.039 on the five seeds, cpu backend). */
const MIN_RELABEL_GAIN = 0.015;
/** Smallest gold-AUC gain of the model trained on collected data over the relabelled one (measured 0.013–0.021). */
const MIN_COLLECT_GAIN = 0.005;

/** Largest difference between the app's and the reference learner's gold AUC, same rows, same optimiser settings (measured
 * 0.002–0.017 for the noisy model, 0.001–0.009 for the relabelled one: the app holds out 20% for validation and adds
 * hour-of-day one-hots; the reference is the higher for every seed). */
const AGREEMENT = 0.025;

/** Gold AUC of the reference learner (plain TypeScript, test/story/support.ts) trained on a dataset's rows with the
 * app's optimiser settings, scored on the gold stream the app's model `modelId` was scored on. */
async function referenceGoldAuc(datasetId: string, modelId: string, cfg: TrainConfig): Promise<number> {
  const cols = getDataset(datasetId).cols;
  const opts = { epochs: cfg.epochs, batchSize: cfg.batchSize, learningRate: cfg.learningRate, finalLearningRateFraction: cfg.finalLrFraction, l2: 0 };
  const set = await evalSet(getModel(modelId), 'gold');
  return weightedAuc(predict(fit(cols, { cross: true }, cols.label, cols.weight, opts), set.cols, { cross: true }), set.labels, set.cols.weight);
}

/** The gold-stream report of a model (true labels, weighted). */
async function gold(modelId: string): Promise<EvalReport> {
  const m = getModel(modelId);
  return report(m, await evalSet(m, 'gold'));
}

/** A model trained on a collected dataset, on the gold stream as trained and recalibrated for the keep rate. */
async function trainOn(params: WorldParams, datasetId: string): Promise<{ plain: EvalReport; recalibrated: EvalReport }> {
  const r = await runTraining({ ...DEFAULT_TRAIN_CONFIG, ...COLLECT_TRAIN, seed: params.seed, datasetId } as TrainConfig, {});
  const m = getModel(r.modelId);
  const set = await evalSet(m, 'gold');
  const plain = await report(m, set);
  const recalibrated = await report(m, set, recalibrateAll(await scoreSet(m, set), COLLECT_KEEP));
  removeModel(r.modelId);
  return { plain, recalibrated };
}

/** Collects once at the story's keep rate (kept negatives upweighted by 1/w) and trains on it both ways:
 * unweighted (as the app's collection without upweighting stores it: every row weight 1) and upweighted. */
async function collectedBoth(params: WorldParams): Promise<{ down: { plain: EvalReport; recalibrated: EvalReport }; up: { plain: EvalReport } }> {
  const col = await collect({ params, rows: COLLECT_ROWS, keep: COLLECT_KEEP, upweight: true, positiveWeight: 1 });
  const ds = getDataset(col.datasetId);
  const flat = addDataset({ ...ds, cols: { ...ds.cols, weight: new Float32Array(ds.cols.n).fill(1) } });
  return { down: await trainOn(params, flat.id), up: await trainOn(params, col.datasetId) };
}

beforeAll(async () => {
  expect(await startBackend('cpu')).toBeNull();
});

describe('steps 5–8 in the lab worker', () => {
  for (const seed of SEEDS) {
    it(`seed ${seed}: worst slice, suspects, relabelling, the silent model, collection and calibration`, async () => {
      const params = { ...DEFAULT_PARAMS, seed };
      const ds = await createDataset({ params, rows: 1_000_000 });
      const cfg: TrainConfig = { ...DEFAULT_TRAIN_CONFIG, seed, datasetId: ds.id };
      const noisy = await runTraining(cfg, {});
      const slices = await sliceReport(noisy.modelId);
      const oof = await outOfFold({ ...cfg, ...OOF_TRAIN }, OOF_FOLDS);
      const sus = suspectReport(getDataset(ds.id), oof, OOF_FOLDS, 0);
      // Suspected wrong "show" labels: given 1, confidently 0 (they rank first by self-confidence).
      const shows = sus.top.filter((s) => s.label === 1);
      const showPrecision = shows.filter((s) => s.truth === 0).length / shows.length;
      const rl = relabelDataset(ds.id, { slice: slices.slices.find((s) => s.family === 'cell')!.slice, positivesOnly: true });
      const clean = await runTraining({ ...cfg, datasetId: rl.datasetId }, {});
      const gNoisy = await gold(noisy.modelId);
      const gClean = await gold(clean.modelId);
      const rNoisy = await referenceGoldAuc(ds.id, noisy.modelId, cfg);
      const rClean = await referenceGoldAuc(rl.datasetId, clean.modelId, cfg);
      const at05 = gClean.confusion.find((c) => c.threshold === 0.5)!;
      const { down, up } = await collectedBoth(params);
      console.info(
        `labels ${seed}: worst ${slices.slices[0]!.slice} (${slices.slices[0]!.fpShare.toFixed(2)} of top FPs); ` +
          `wrong positives ${sus.wrongPositiveShare.toFixed(2)}; suspects ${sus.suspects}, joint ${JSON.stringify(sus.joint)}, top-100 precision ${sus.suspectPrecision.toFixed(2)}, OOF AUC ${sus.oofAuc.toFixed(3)} vs validation ${noisy.validation.auc.value.toFixed(3)}, ` +
          `wrong-show suspects ${shows.length} precision ${showPrecision.toFixed(2)}; relabelled ${rl.rows} ($${rl.cost}) changed ${rl.labelsChanged}; ` +
          `gold AUC ${gNoisy.auc.value.toFixed(4)} → ${gClean.auc.value.toFixed(4)} → ${down.plain.auc.value.toFixed(4)} (reference ${rNoisy.toFixed(4)} → ${rClean.toFixed(4)}); PR-AUC noisy ${gNoisy.prAuc.value.toFixed(4)}; clean at 0.5: predicted ${at05.tp + at05.fp}, PR-AUC ${gClean.prAuc.value.toFixed(4)}; ` +
          `collected: recall ${down.plain.recall.value.toFixed(2)}, PR-AUC ${down.plain.prAuc.value.toFixed(4)}, calibration ${down.plain.calibration.value.toFixed(0)} → ${down.recalibrated.calibration.value.toFixed(2)}; upweighted ${up.plain.calibration.value.toFixed(2)}`,
      );
      expect(slices.slices[0]!.slice).toBe('cell:travel×finance');
      // Confident learning by the book (per-class thresholds, confident joint, self-confidence) on out-of-fold
      // probabilities from day folds with a buffer (no fold model trains on the labelling batch it scores):
      // with random-row folds the models learned the buggy batch's consistent mistake and precision was ≈ 0.1.
      expect(sus.suspectPrecision).toBeGreaterThanOrEqual(0.5);
      // Step 5's text: the fold models, which never saw the bad batch, disagree with the observed labels (a lower
      // AUC against them) where the noisy model, trained on the batch, agreed with them on its validation rows.
      expect(sus.oofAuc).toBeLessThan(noisy.validation.auc.value - 0.05);
      expect(sus.suspects).toBeGreaterThan(0);
      expect(sus.wrongPositiveShare).toBeGreaterThan(0.35);
      expect(sus.wrongPositiveShare).toBeLessThan(0.65);
      expect(gClean.auc.value - gNoisy.auc.value, 'gold AUC gain of relabelling').toBeGreaterThanOrEqual(MIN_RELABEL_GAIN);
      expect(rClean - rNoisy, 'gold AUC gain of relabelling (reference learner)').toBeGreaterThanOrEqual(MIN_RELABEL_GAIN);
      expect(Math.abs(gNoisy.auc.value - rNoisy), 'noisy model: app vs reference gold AUC').toBeLessThanOrEqual(AGREEMENT);
      expect(Math.abs(gClean.auc.value - rClean), 'relabelled model: app vs reference gold AUC').toBeLessThanOrEqual(AGREEMENT);
      expect(at05.tp + at05.fp).toBe(0);
      expect(gClean.recall.value).toBe(0);
      expect(down.plain.recall.value).toBeGreaterThanOrEqual(0.5);
      // Ranking improves with the collected positives (gold AUC), and PR-AUC beats the noisy-label model's.
      // PR-AUC against the relabelled model is logged, not asserted: at 0.01% positives it rests on the few
      // top-ranked rows of the gold set, and training settings with the same AUC (to 4 digits) moved it by ±40%.
      expect(down.plain.auc.value - gClean.auc.value, 'gold AUC gain of collection').toBeGreaterThanOrEqual(MIN_COLLECT_GAIN);
      expect(down.plain.prAuc.value).toBeGreaterThan(gNoisy.prAuc.value);
      expect(Math.abs(down.recalibrated.calibration.value - 1)).toBeLessThanOrEqual(CALIBRATION_TOLERANCE);
      expect(Math.abs(up.plain.calibration.value - 1)).toBeLessThanOrEqual(CALIBRATION_TOLERANCE);
    });
  }
});

/** Twenty seeds the other story tests never use, for the calibration property. */
const CALIBRATION_SEEDS = Array.from({ length: 20 }, (_, i) => `calibration-${i + 1}`);

describe('calibration after collection, on 20 seeds (gold labels, the weights the app trains with)', () => {
  it('recalibrated and upweighted models stay within the tolerance of the true base rate', async () => {
    const rows: string[] = [];
    let bad = 0;
    for (const seed of CALIBRATION_SEEDS) {
      const params = { ...DEFAULT_PARAMS, seed };
      const { down, up } = await collectedBoth(params);
      const q = down.recalibrated.calibration.value;
      const u = up.plain.calibration.value;
      rows.push(`${seed} ${q.toFixed(2)} ${u.toFixed(2)}`);
      if (Math.abs(q - 1) > CALIBRATION_TOLERANCE || Math.abs(u - 1) > CALIBRATION_TOLERANCE) bad++;
    }
    console.info(`calibration (recalibrated, upweighted) per seed:\n${rows.join('\n')}`);
    expect(bad).toBe(0);
  });
});
