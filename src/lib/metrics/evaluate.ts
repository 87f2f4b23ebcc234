// Everything the UI draws about a model on one evaluation set, from one validation, one sort and one pass.
import type { EvalReport } from '../lab/types.ts';
import { validateInputs, type Labels, type Scores, type Weights } from './inputs.ts';
import { rankUnchecked } from './ranking.ts';
import { aucOf, averagePrecisionOf, prCurveOf, rocCurveOf } from './curves.ts';
import { accuracyOf, f1Of, precisionOf, recallOf } from './threshold.ts';
import { LOG_LOSS_EPS, probabilityMetricsUnchecked } from './probability.ts';
import { quantileBinsOf, uniformBinsUnchecked, type BinStrategy } from './reliability.ts';
import { confusionTableOf, logThresholds } from './table.ts';
import { CURVE_POINTS, downsampleIndices } from './downsample.ts';

/** An EvalReport without the model and split names, which the caller adds. */
export type Evaluation = Omit<EvalReport, 'modelId' | 'split'>;

export interface EvaluateOptions {
  /** Decision threshold for accuracy, precision, recall, F1 (predicted positive ⇔ p ≥ threshold). Default 0.5. */
  threshold?: number;
  /** Maximum points per drawn curve (ROC, PR). Default 200. */
  curvePoints?: number;
  /** Reliability bins (default 10) and their strategy (default 'quantile': equal weight per bin, which suits rare positives). */
  reliabilityBins?: number;
  reliabilityStrategy?: BinStrategy;
  /** Thresholds of the confusion table; default logThresholds() (1e-6 … 1, 20 per decade) plus `threshold`. */
  confusionThresholds?: ArrayLike<number>;
  /** Log-loss clipping; default LOG_LOSS_EPS = 2⁻²³. */
  logLossEps?: number;
}

/** Computes every metric of an EvalReport; throws on empty or invalid input (see validateInputs). */
export function evaluate(pred: Scores, labels: Labels, weights?: Weights, opts: EvaluateOptions = {}): Evaluation {
  const n = validateInputs(pred, labels, weights);
  const threshold = opts.threshold ?? 0.5;
  const points = opts.curvePoints ?? CURVE_POINTS;
  const r = rankUnchecked(pred, labels, weights);
  const prob = probabilityMetricsUnchecked(pred, labels, weights, opts.logLossEps ?? LOG_LOSS_EPS);

  const thresholds = opts.confusionThresholds ?? withThreshold(logThresholds(), threshold);
  const confusion = confusionTableOf(r, thresholds);
  const [atThreshold] = confusionTableOf(r, [threshold]);
  if (atThreshold === undefined) throw new Error('metrics: internal error (no confusion at threshold)');

  const roc = rocCurveOf(r);
  const rocIdx = downsampleIndices(roc.fpr, roc.tpr, points);
  const pr = prCurveOf(r);
  const prIdx = downsampleIndices(pr.recall, pr.precision, points);

  const bins = opts.reliabilityBins ?? 10;
  const reliability =
    (opts.reliabilityStrategy ?? 'quantile') === 'quantile'
      ? quantileBinsOf(r, bins)
      : uniformBinsUnchecked(pred, labels, weights, bins);

  return {
    rows: n,
    positives: r.positives,
    auc: aucOf(r),
    prAuc: averagePrecisionOf(r),
    logLoss: prob.logLoss,
    ne: prob.ne,
    calibration: prob.calibration,
    meanPrediction: prob.meanPrediction,
    accuracy: accuracyOf(atThreshold),
    precision: precisionOf(atThreshold),
    recall: recallOf(atThreshold),
    f1: f1Of(atThreshold),
    roc: Array.from(rocIdx, (i) => ({ fpr: roc.fpr[i] as number, tpr: roc.tpr[i] as number })),
    pr: Array.from(prIdx, (i) => ({ recall: pr.recall[i] as number, precision: pr.precision[i] as number })),
    reliability: reliability.map((b) => ({ meanPredicted: b.meanPredicted, observedRate: b.observedRate, weight: b.weight })),
    confusion,
  };
}

/** The log-spaced thresholds with `t` merged in (sorted, no duplicate). */
function withThreshold(ts: Float64Array, t: number): number[] {
  const out = Array.from(ts);
  if (!out.includes(t)) out.push(t);
  return out.sort((a, b) => a - b);
}
