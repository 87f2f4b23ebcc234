// What the URL state means for the lab: the world to generate and the training run to make.
// Pure functions, so a link and a fresh session build byte-identical requests.
import { DEFAULT_TRAIN_CONFIG, type FeatureToggles, type TrainConfig } from '../lab/types.ts';
import type { WorldParams } from '../sim/types.ts';
import { FEATURE_GROUPS, type FeatureGroup, type UrlState } from './params.ts';

/** A world plus the size of its step-2 log. */
export type WorldRequest = WorldParams & { rows: number };

/** Share of the log held out for validation. */
export const VALIDATION_FRACTION = DEFAULT_TRAIN_CONFIG.validationFraction;
/** Learning rate at the end of a run, as a fraction of the first. */
const FINAL_LR = DEFAULT_TRAIN_CONFIG.finalLrFraction ?? 0.1;

/** MLP layer sizes from the first layer's width: two layers, the second half as wide. */
export function hiddenOf(width: number): number[] {
  return [width, Math.max(2, Math.round(width / 2))];
}

/** The world a state describes. */
export function worldOf(s: UrlState): WorldRequest {
  return { seed: s.seed, skew: s.skew, noise: s.noise, drift: s.drift, rows: s.rows };
}

/** Just the world knobs of a request (the step-2 log size dropped). */
export function knobsOf(w: WorldParams): WorldParams {
  return { seed: w.seed, skew: w.skew, noise: w.noise, drift: w.drift };
}

/** A stable key for a world: its seed and knobs, plus the log size when given (same key = same dataset).
 * The one place a world key is built: the lab state, the worker's caches and the policy use it. */
export function worldKey(w: WorldParams & { rows?: number }): string {
  const base = `${w.seed}|${w.skew}|${w.noise}|${w.drift}`;
  return w.rows === undefined ? base : `${base}|${w.rows}`;
}

/** Feature toggles from the URL's feature set. */
export function togglesOf(features: readonly FeatureGroup[], buckets: number): FeatureToggles {
  return {
    oneHots: features.includes('onehot'),
    numerics: features.includes('numeric'),
    cross: features.includes('cross'),
    hashed: features.includes('hashed'),
    hashBuckets: buckets,
  };
}

/** The URL feature set from toggles, in canonical order. */
export function featuresOf(t: FeatureToggles): FeatureGroup[] {
  const on: Record<FeatureGroup, boolean> = { onehot: t.oneHots, numeric: t.numerics, cross: t.cross, hashed: t.hashed };
  return FEATURE_GROUPS.filter((g) => on[g]);
}

/** A short readable name of a feature set ("one-hot + numeric + cross"). */
export function featureLabel(t: FeatureToggles): string {
  const parts: string[] = [];
  if (t.oneHots) parts.push('one-hot');
  if (t.numerics) parts.push('numeric');
  if (t.cross) parts.push('cross');
  if (t.hashed) parts.push(`hashed(${t.hashBuckets})`);
  return parts.length ? parts.join(' + ') : 'bias only';
}

/** The step-4 training run a state describes (datasetId filled in by the lab). */
export function trainConfigOf(s: UrlState, datasetId: string, version: string): TrainConfig {
  return {
    datasetId,
    features: togglesOf(s.features, s.buckets),
    model: s.model,
    hidden: s.model === 'mlp' ? hiddenOf(s.hidden) : [],
    epochs: s.epochs,
    batchSize: s.batch,
    learningRate: s.lr,
    finalLrFraction: FINAL_LR,
    seed: s.seed,
    validationFraction: VALIDATION_FRACTION,
    version,
  };
}

/** The quick logistic regression of step 3 for one feature set. */
export function trialConfigOf(s: UrlState, datasetId: string, toggles: FeatureToggles): TrainConfig {
  return {
    datasetId,
    features: toggles,
    model: 'logreg',
    hidden: [],
    epochs: s.epochs,
    batchSize: s.batch,
    learningRate: s.lr,
    finalLrFraction: FINAL_LR,
    seed: s.seed,
    validationFraction: VALIDATION_FRACTION,
    version: 'trial',
  };
}

/** A stable key for a training run (same key = same result on the same backend). */
export function trainKey(c: TrainConfig, backend: string): string {
  const f = c.features;
  return [c.datasetId, c.model, c.hidden.join('x'), c.epochs, c.batchSize, c.learningRate, c.finalLrFraction, c.seed, f.oneHots, f.numerics, f.cross, f.hashed, f.hashBuckets, backend].join('|');
}
