// The two models of step 12, in plain TypeScript (weighted logistic regression from learn/ on
// features from features/): a relevance model ("should show", the impressions era) trained on
// generated candidate rows, and a click model trained on a logged impression sample with the
// slot as a feature (scored at the top slot, so ranking is free of position bias).
import { fitFeatures, transform, type FeatureSpec, type FittedFeatures } from '../features/index.ts';
import { predictLogReg, trainLogReg, type LogRegModel } from '../learn/logreg.ts';
import { viewColumns } from '../sim/columns.ts';
import { generate } from '../sim/generate.ts';
import { ALL_NUMERICS, ALL_ONE_HOTS } from '../features/spec.ts';
import type { Columns } from '../sim/types.ts';
import type { World } from '../sim/world.ts';
import type { ImpressionLog } from './types.ts';

/** Slots the click model tells apart (slots ≥ POSITION_SLOTS − 1 share the last column). */
export const POSITION_SLOTS = 4;

/** Default features of both models: every one-hot, every numeric and the query×ad category cross. */
export const MODEL_FEATURES: FeatureSpec = { oneHot: [...ALL_ONE_HOTS], numeric: [...ALL_NUMERICS], cross: true, hashed: null };

/** A trained scoring model: fitted features, logistic weights, and whether slot columns follow the features. */
export interface ScoringModel {
  kind: 'relevance' | 'click';
  features: FittedFeatures;
  model: LogRegModel;
  /** Number of slot one-hot columns after the features (0 for the relevance model). */
  positions: number;
  /** Rows and positive labels the model was trained on. */
  trainRows: number;
  trainPositives: number;
}

/** Training knobs shared by both helpers. */
export interface FitOptions {
  features?: FeatureSpec;
  /** Adam updates at least (epochs are chosen to reach it; default 3000). */
  minSteps?: number;
  batchSize?: number;
  learningRate?: number;
  l2?: number;
  seed?: string;
}

/** The model's input matrix for rows of `cols`: features, then slot one-hots (`position` per row, or one slot for all). */
export function modelInputs(m: Pick<ScoringModel, 'features' | 'positions'>, cols: Columns, position: Uint8Array | number = 0): Float32Array {
  const fm = transform(m.features, cols);
  if (m.positions === 0) return fm.X;
  const d = fm.d;
  const D = d + m.positions;
  const X = new Float32Array(cols.n * D);
  for (let i = 0; i < cols.n; i++) {
    X.set(fm.X.subarray(i * d, i * d + d), i * D);
    const p = typeof position === 'number' ? position : (position[i] as number);
    X[i * D + d + Math.min(p, m.positions - 1)] = 1;
  }
  return X;
}

/** Trains logistic regression on features (+ slots) of `cols` with labels `y`. */
function fitModel(kind: ScoringModel['kind'], cols: Columns, y: Uint8Array, positions: number, slot: Uint8Array | number, opts: FitOptions): ScoringModel {
  const features = fitFeatures(opts.features ?? MODEL_FEATURES, cols, { queryTexts: [], adHeadlines: [] });
  const shell = { features, positions };
  const X = modelInputs(shell, cols, slot);
  const batch = opts.batchSize ?? 512;
  const epochs = Math.min(100, Math.max(3, Math.ceil((opts.minSteps ?? 3000) / Math.max(1, Math.ceil(cols.n / batch)))));
  const model = trainLogReg(X, y, cols.weight, features.d + positions, {
    epochs,
    batchSize: batch,
    learningRate: opts.learningRate ?? 0.03,
    finalLearningRateFraction: 0.02,
    l2: opts.l2 ?? 1e-5,
    seed: opts.seed ?? `${kind}-model`,
  });
  let pos = 0;
  for (let i = 0; i < y.length; i++) pos += y[i] as number;
  return { kind, features, model, positions, trainRows: cols.n, trainPositives: pos };
}

/** How to collect the relevance model's training rows. */
export interface RelevanceOptions extends FitOptions {
  /** Candidate rows streamed (default 4,000,000). */
  rows?: number;
  /** Fraction of negatives kept (default 0.002); kept negatives are not upweighted, so the model over-predicts "show" as step 7's does. */
  negKeep?: number;
  /** Inclusive days to draw rows from (default 0–89). */
  days?: [number, number];
  /** Train on the true labels (as after relabelling; default) or the observed, noisy ones. */
  labels?: 'truth' | 'observed';
  /** Name of the generator stream (default 'relevance'). */
  stream?: string;
}

/** A relevance ("should show") model trained on collected rows: every positive and a fraction of negatives. */
export function trainRelevanceModel(world: World, opts: RelevanceOptions = {}): ScoringModel {
  const labels = opts.labels ?? 'truth';
  const negKeep = opts.negKeep ?? 0.002;
  const cols = generate(world, { rows: opts.rows ?? 4_000_000, stream: opts.stream ?? 'relevance', days: opts.days, negKeep, keepBy: labels === 'truth' ? 'truth' : 'label' });
  cols.weight.fill(1);
  return fitModel('relevance', cols, labels === 'truth' ? cols.truth : cols.label, 0, 0, opts);
}

/** A click model trained on a logged impression sample (label = clicked, the slot as a feature). */
export function trainClickModel(log: ImpressionLog, opts: FitOptions = {}): ScoringModel {
  return fitModel('click', log, log.clicked, POSITION_SLOTS, log.position, opts);
}

/** Rows transformed at a time when predicting (keeps the dense matrix small, whatever the batch). */
const PREDICT_CHUNK = 4096;

/** The model's probabilities for candidate rows (a click model answers for the top slot, or the given one). */
export function predictModel(m: ScoringModel, cols: Columns, position: Uint8Array | number = 0): Float32Array {
  const out = new Float32Array(cols.n);
  for (let start = 0; start < cols.n; start += PREDICT_CHUNK) {
    const end = Math.min(cols.n, start + PREDICT_CHUNK);
    const part = viewColumns(cols, start, end);
    const slot = typeof position === 'number' ? position : position.subarray(start, end);
    predictLogReg(m.model, modelInputs(m, part, slot), out.subarray(start, end));
  }
  return out;
}

/** A policy scorer from a model: candidates → probabilities (pCTR at the top slot for a click model). */
export function modelScorer(m: ScoringModel): (cands: Columns) => Float32Array {
  return (cands) => predictModel(m, cands, 0);
}
