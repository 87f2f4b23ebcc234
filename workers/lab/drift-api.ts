// Steps 9–10's operations on the lab worker (spread into its API): train on a window of days,
// old test vs yesterday, AUC per day, the drift report, and the freshness chart.
import type { DayAuc, DriftReport, FreshnessCurve, JobProgress, StaleEval, TrainProgress, TrainResult } from '../lab-types.ts';
import type { WorldParams } from '../../src/lib/sim/types.ts';
import { oldTestSet, yesterdaySet } from './drift-sets.ts';
import { driftReport } from './drift.ts';
import { report } from './evaluate.ts';
import { freshness } from './freshness.ts';
import { runJob } from './jobs.ts';
import { getModel } from './models.ts';
import { holding } from './holds.ts';
import { aucPerDay } from './perday.ts';
import { trainWindow } from './window.ts';
import { CancelledError } from './yield.ts';

/** Progress callbacks arrive as comlink proxies; they may be missing. */
type OnProgress<P> = ((p: P) => void) | undefined;

/** A model on its old test days and on yesterday, both against the truth. */
export async function staleEval(modelId: string, cancelled: () => boolean, withOldTest = true): Promise<StaleEval> {
  const t0 = performance.now();
  const m = getModel(modelId);
  const oldTest = withOldTest ? await report(m, await oldTestSet(m.world, m.days, cancelled)) : null;
  if (cancelled()) throw new CancelledError();
  const ySet = await yesterdaySet(m.world, cancelled);
  const yesterday = await report(m, ySet);
  return { modelId, days: m.days, oldTest, yesterday, millis: performance.now() - t0 };
}

/** Spread into the worker's API. Evaluations are queries: they wait their turn without cancelling the jobs before them. */
export const driftApi = {
  /** The training days of a model, or null if the worker does not hold it (instant). */
  modelDays(modelId: string): [number, number] | null {
    try {
      return getModel(modelId).days;
    } catch {
      return null;
    }
  },

  /** Collects a window of days (all positives, 1% of negatives upweighted, true labels) and trains on it. */
  trainWindow(params: WorldParams, days: [number, number], version: string | undefined, onProgress?: OnProgress<TrainProgress>): Promise<TrainResult> {
    return runJob((token) => trainWindow({ params, days, version }, { onProgress, cancelled: () => token.cancelled }), { label: 'train-window' });
  },

  /** Old-test (its own training days, unless withOldTest is false) and yesterday metrics of a model, against clean labels. */
  staleEval(modelId: string, withOldTest = true): Promise<StaleEval> {
    return runJob((token) => staleEval(modelId, () => token.cancelled, withOldTest), { supersede: false, label: 'stale-eval', hold: holding({ models: [modelId] }) });
  },

  /** AUC on each day after the model's training days, from a clean per-day stream. */
  aucPerDay(modelId: string, from?: number): Promise<DayAuc[]> {
    return runJob((token) => aucPerDay(getModel(modelId), () => token.cancelled, from), { supersede: false, label: 'auc-per-day', hold: holding({ models: [modelId] }) });
  },

  /** The drift report: the model's training days against yesterday, per feature, target and prediction. */
  driftReport(modelId: string): Promise<DriftReport> {
    return runJob((token) => driftReport(getModel(modelId), () => token.cancelled), { supersede: false, label: 'drift-report', hold: holding({ models: [modelId] }) });
  },

  /** The freshness chart's models and curves (several short trainings), with progress. */
  freshness(params: WorldParams, onProgress?: OnProgress<JobProgress>): Promise<FreshnessCurve[]> {
    return runJob((token) => freshness(params, () => token.cancelled, onProgress), { label: 'freshness' });
  },
};
