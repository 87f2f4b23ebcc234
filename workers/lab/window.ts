// Training on a window of days with the step-7/8 recipe: collect from a large stream over the
// window keeping every observed "show" and a fraction of the rest (upweighted by its inverse), pay
// the expert of step 5 to check every kept "show" (the annotator's false ones, and the buggy
// batch's where the window holds it), then train a model on those labels. Nothing reads the
// simulator's truth for free: a true "show" the annotator missed stays a "don't show", as in life.
import type { LabelBill, TrainConfig, TrainResult } from '../lab-types.ts';
import { DEFAULT_TRAIN_CONFIG } from '../lab-types.ts';
import type { WorldParams } from '../../src/lib/sim/types.ts';
import { addDataset, generateRows, worldFor } from './datasets.ts';
import { runTraining, type RunHooks } from './train-job.ts';
import { applyRelabel, relabel } from '../../src/lib/sim/oracle.ts';

/** Candidate rows streamed for a window, whatever its length (the collection of step 7). */
export const WINDOW_STREAM_ROWS = 6_000_000;
/** Positives a window keeps at most, about (a large skew would otherwise keep millions). */
const MAX_POSITIVES = 150_000;
/** Fraction of negatives kept (each weighted by its inverse). */
export const WINDOW_NEG_KEEP = 0.01;

/** Training knobs of a window model: the story's logistic regression, enough updates for rare positives. */
export const WINDOW_TRAIN: Omit<TrainConfig, 'datasetId' | 'seed'> = { ...DEFAULT_TRAIN_CONFIG, epochs: 6, batchSize: 1024, learningRate: 0.1, validationFraction: 0.1 };

/** What a window training needs. */
export interface WindowRequest {
  params: WorldParams;
  days: [number, number];
  version?: string;
  /** Candidate rows to stream (default WINDOW_STREAM_ROWS). */
  rows?: number;
}

/** Collects the window's rows and trains on them; progress covers collection (first 40%) and training. */
export async function trainWindow(req: WindowRequest, hooks: RunHooks & { cancelled?: () => boolean }): Promise<TrainResult> {
  const world = worldFor(req.params);
  const rows = Math.min(req.rows ?? WINDOW_STREAM_ROWS, Math.max(100_000, Math.round(MAX_POSITIVES / Math.max(req.params.skew, 1e-9))));
  const opts = { rows, stream: `window-${req.days[0]}-${req.days[1]}`, days: req.days, negKeep: WINDOW_NEG_KEEP, keepBy: 'label' as const };
  const stage = `collecting days ${req.days[0]}–${req.days[1]}`;
  const cols = await generateRows(
    world,
    opts,
    (f) => hooks.onProgress?.({ fraction: 0.4 * f, stage, epoch: 0, epochs: 0, trainLoss: NaN, valLoss: NaN, examplesPerSec: 0 }),
    hooks.cancelled,
  );
  const shown: number[] = [];
  for (let i = 0; i < cols.n; i++) if (cols.label[i] === 1) shown.push(i);
  const answer = relabel(world, cols, shown);
  applyRelabel(cols, shown, answer.labels);
  const labels: LabelBill = { kept: cols.n, checked: shown.length, corrected: answer.corrected, cost: answer.cost };
  const ds = addDataset({ params: world.params, world, cols, opts });
  const cfg: TrainConfig = { ...WINDOW_TRAIN, datasetId: ds.id, seed: req.params.seed, version: req.version };
  const r = await runTraining(cfg, { ...hooks, onProgress: hooks.onProgress && ((p) => hooks.onProgress!({ ...p, fraction: 0.4 + 0.6 * p.fraction })) });
  return { ...r, labels };
}
