// The training loop shared by both models: seeded batches, learning-rate decay, throttled
// progress, cancellation, validation loss per epoch, and fallback to another backend on failure.
import { tf } from './tf.ts';
import type { ModelKind, TrainProgress } from '../lab-types.ts';
import { baseLogit, initWeights, weightedLogLoss, type Matrix, type ModelWeights } from './model.ts';
import type { Stepper } from './stepper.ts';
import { logregStepper } from './train-logreg.ts';
import { mlpStepper } from './train-mlp.ts';
import { predictTf } from './predict.ts';
import { range, streamFor } from '../../src/lib/rng.ts';
import { sliceRows } from './synthetic.ts';
import { CancelledError, nextTask } from './yield.ts';
import { buildSlotPlan, planSlots, type SlotPlan } from './slot-plan.ts';

/** What to train. */
export interface FitOptions {
  model: ModelKind;
  hidden: number[];
  epochs: number;
  batchSize: number;
  learningRate: number;
  seed: string;
  /** Learning rate at the end of the run as a fraction of the first (exponential decay). */
  finalLrFraction?: number;
  /** Return the epoch with the lowest validation loss instead of the last (needs validation rows). */
  keepBestEpoch?: boolean;
  /** The training rows' slots pre-sorted per batch (cached with the training set); built for this run if absent or for another batch size. */
  slotPlan?: SlotPlan | null;
}

/** Callbacks and test hooks of a run. */
export interface FitHooks {
  onProgress?: (p: TrainProgress) => void;
  /** Minimum time between progress reports (default 100 ms: at most ~10 a second). */
  progressEveryMs?: number;
  cancelled?: () => boolean;
  /** Non-null when the backend reported a loss (device lost, context lost): the reason. */
  lost?: () => string | null;
  /** Switches tfjs to the next backend after a failure; resolves to its name, or null if none. */
  fallback?: (failed: string, reason: string) => Promise<string | null>;
  /** Test hook (test builds only, __TEST_HOOKS__): simulate a backend failure at this global batch number. */
  faultAtBatch?: number;
}

/** A finished run. */
export interface FitResult {
  weights: ModelWeights;
  history: { epoch: number; trainLoss: number; valLoss: number }[];
  /** The epoch's running mean training loss about CURVE_POINTS_PER_EPOCH times an epoch (x in fractional epochs), so the loss chart is a curve. */
  curve: { epoch: number; trainLoss: number }[];
  millis: number;
  examplesPerSec: number;
  backend: string;
  backendFallback?: string;
  /** The final model's probabilities on the validation rows (null without validation rows). */
  valPred: Float32Array | null;
  /** Where the time went (ms): the training steps, and scoring the validation rows after each epoch. */
  phases: { stepsMs: number; validationMs: number };
}

/** Points of the training-loss curve recorded per epoch (by batch count, so the same on every machine). */
export const CURVE_POINTS_PER_EPOCH = 20;

/** Time between event-loop turns (ms): bounds how long a cancel waits. */
const YIELD_EVERY_MS = 25;

/** The stepper for a model kind on the current backend. */
function makeStepper(w: ModelWeights): Stepper {
  return w.kind === 'logreg' ? logregStepper(w) : mlpStepper(w);
}

/** Sum of each batch's example weights. */
function batchWeightSums(m: Matrix, bs: number): Float64Array {
  const sums = new Float64Array(Math.ceil(m.n / bs));
  for (let i = 0; i < m.n; i++) sums[Math.floor(i / bs)]! += m.w[i]!;
  return sums;
}

/** Trains on rows already in random order; `val` may be null (no validation loss). */
export async function fit(train: Matrix, val: Matrix | null, o: FitOptions, hooks: FitHooks = {}): Promise<FitResult> {
  const t0 = performance.now();
  const bs = Math.max(1, Math.min(o.batchSize, train.n));
  const nb = Math.ceil(train.n / bs);
  const wsums = batchWeightSums(train, bs);
  const plan = o.slotPlan?.batchSize === bs ? o.slotPlan : buildSlotPlan(train.x, bs);
  const total = nb * o.epochs;
  const decay = Math.log(o.finalLrFraction ?? 0.1) / Math.max(1, total);
  const orderRand = streamFor(o.seed, 'shuffle');
  const history: FitResult['history'] = [];
  let curve: FitResult['curve'] = [];
  const curveEvery = Math.max(1, Math.ceil(nb / CURVE_POINTS_PER_EPOCH));
  const every = hooks.progressEveryMs ?? 100;
  let snapshot = initWeights(o.model, train.d, o.hidden, o.seed, baseLogit(train.y, train.w));
  let stepper: Stepper | null = null;
  let backendFallback: string | undefined;
  let faultAt = hooks.faultAtBatch ?? -1;
  let step = 0;
  let examples = 0;
  let lastYield = performance.now();
  let lastReport = -Infinity;
  let valLoss = NaN;
  let valPred: Float32Array | null = null;
  let stepsMs = 0;
  let validationMs = 0;
  let best: { loss: number; weights: ModelWeights; valPred: Float32Array | null } | null = null;
  try {
    for (let epoch = 0; epoch < o.epochs; ) {
      const order = orderRand.shuffle(range(nb));
      const stepAtEpoch = step;
      let lossSum = 0;
      let wSum = 0;
      try {
        stepper ??= makeStepper(snapshot);
        for (let k = 0; k < nb; k++) {
          const b = order[k]!;
          const batch = sliceRows(train, b * bs, Math.min(train.n, (b + 1) * bs));
          if (__TEST_HOOKS__ && step === faultAt) {
            faultAt = -1;
            throw new Error('injected fault: the backend stopped responding');
          }
          const lost = hooks.lost?.();
          if (lost) throw new Error(lost);
          const ts = performance.now();
          const loss = await stepper.step(batch, wsums[b]!, o.learningRate * Math.exp(decay * step), plan ? planSlots(plan, b) : undefined);
          stepsMs += performance.now() - ts;
          if (Number.isFinite(loss)) {
            lossSum += loss;
            wSum += wsums[b]!;
          }
          step++;
          examples += batch.n;
          if (((k + 1) % curveEvery === 0 || k === nb - 1) && wSum > 0) curve.push({ epoch: epoch + (k + 1) / nb, trainLoss: lossSum / wSum });
          const now = performance.now();
          if (hooks.onProgress && now - lastReport >= every) {
            lastReport = now;
            hooks.onProgress({
              fraction: step / total,
              stage: `epoch ${epoch + 1} of ${o.epochs}`,
              epoch: epoch + 1,
              epochs: o.epochs,
              trainLoss: wSum > 0 ? lossSum / wSum : (history[history.length - 1]?.trainLoss ?? NaN),
              valLoss,
              examplesPerSec: examples / ((now - t0) / 1000),
            });
          }
          if (now - lastYield >= YIELD_EVERY_MS) {
            await nextTask();
            lastYield = performance.now();
          }
          if (hooks.cancelled?.()) throw new CancelledError();
        }
        const weights = await stepper.snapshot();
        if (val && val.n > 0) {
          const tv = performance.now();
          valPred = await predictTf(weights, val.x);
          valLoss = weightedLogLoss(valPred, val.y, val.w);
          validationMs += performance.now() - tv;
        }
        snapshot = weights;
      } catch (err) {
        if (err instanceof CancelledError || !hooks.fallback) throw err;
        const failed = tf.getBackend();
        const reason = err instanceof Error ? err.message : String(err);
        try {
          stepper?.dispose();
        } catch {
          /* the failed backend may not be able to free its tensors */
        }
        stepper = null;
        const next = await hooks.fallback(failed, reason);
        if (!next) throw err;
        backendFallback = `${failed} failed during epoch ${epoch + 1} (${reason}); training finished on ${next}.`;
        step = stepAtEpoch;
        curve = curve.filter((p) => p.epoch <= epoch);
        continue;
      }
      history.push({ epoch: epoch + 1, trainLoss: wSum > 0 ? lossSum / wSum : NaN, valLoss });
      if (o.keepBestEpoch && Number.isFinite(valLoss) && !(best && best.loss <= valLoss)) best = { loss: valLoss, weights: snapshot, valPred };
      epoch++;
    }
  } finally {
    stepper?.dispose();
  }
  const millis = performance.now() - t0;
  const last = history[history.length - 1];
  hooks.onProgress?.({
    fraction: 1,
    stage: 'done',
    epoch: o.epochs,
    epochs: o.epochs,
    trainLoss: last?.trainLoss ?? NaN,
    valLoss,
    examplesPerSec: examples / (millis / 1000),
  });
  if (best) {
    snapshot = best.weights;
    valPred = best.valPred;
  }
  return { weights: snapshot, history, curve, millis, examplesPerSec: examples / (millis / 1000), backend: tf.getBackend(), backendFallback, valPred, phases: { stepsMs, validationMs } };
}
