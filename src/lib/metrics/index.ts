// Public API of the metrics library: weighted classification metrics for the lab worker and the UI.
export type { Scores, Labels, Weights } from './inputs.ts';
export { validateInputs } from './inputs.ts';
export type { Ranking } from './ranking.ts';
export { rank } from './ranking.ts';
export { confusionAt, confusionMatrix, accuracy, precision, recall, f1, accuracyOf, precisionOf, recallOf, f1Of } from './threshold.ts';
export type { RocCurve, PrCurve } from './curves.ts';
export { auc, averagePrecision, rocCurve, prCurve, aucOf, averagePrecisionOf, rocCurveOf, prCurveOf, ONE_CLASS_AUC } from './curves.ts';
export type { ProbabilityMetrics } from './probability.ts';
export { logLoss, normalizedEntropy, calibrationRatio, meanPrediction, bernoulliEntropy, LOG_LOSS_EPS } from './probability.ts';
export type { ReliabilityBin, BinStrategy, ReliabilityOptions } from './reliability.ts';
export { reliabilityBins, quantileBinsOf } from './reliability.ts';
export { logThresholds, confusionTable, confusionTableOf } from './table.ts';
export { downsampleCurve, downsampleIndices, CURVE_POINTS } from './downsample.ts';
export type { SliceMetric, SliceResult } from './slices.ts';
export { perSlice } from './slices.ts';
export type { Evaluation, EvaluateOptions } from './evaluate.ts';
export { evaluate } from './evaluate.ts';
