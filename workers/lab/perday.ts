// AUC per day: one clean per-day stream over the later days, scored once, split by day.
import { auc } from '../../src/lib/metrics/index.ts';
import type { DayAuc } from '../lab-types.ts';
import { perDaySet, yesterdaySet } from './drift-sets.ts';
import type { EvalSet } from './evalsets.ts';
import { scoreSet } from './evaluate.ts';
import type { ModelRecord } from './models.ts';
import { CancelledError, nextTask } from './yield.ts';

/** Weighted AUC of `pred` on each day from `from` to 89 of a scored set. */
export function aucByDay(set: EvalSet, pred: Float32Array, from: number): DayAuc[] {
  const { day, weight } = set.cols;
  const byDay: number[][] = Array.from({ length: 90 - from }, () => []);
  for (let i = 0; i < set.cols.n; i++) {
    const d = day[i]! - from;
    if (d >= 0) byDay[d]!.push(i);
  }
  return byDay.map((rows, k) => {
    const p = new Float32Array(rows.length);
    const y = new Uint8Array(rows.length);
    const w = new Float32Array(rows.length);
    let positives = 0;
    rows.forEach((r, j) => {
      p[j] = pred[r]!;
      y[j] = set.labels[r]!;
      w[j] = weight[r]!;
      if (y[j]) positives += w[j]!;
    });
    return { day: from + k, auc: auc(p, y, w), positives, rows: rows.length };
  });
}

/** A model's AUC on each day after its training days (from the day after its last training day). */
export async function aucPerDay(m: ModelRecord, cancelled: () => boolean, from = Math.min(89, m.days[1] + 1)): Promise<DayAuc[]> {
  const set = await perDaySet(m.world, from, cancelled);
  await nextTask();
  if (cancelled()) throw new CancelledError();
  const pred = await scoreSet(m, set);
  const days = aucByDay(set, pred, from);
  // Day 89 is yesterday: its own, larger clean stream, so the chart and the yesterday AUC agree.
  const y = await yesterdaySet(m.world, cancelled);
  const yPred = await scoreSet(m, y);
  const last = aucByDay(y, yPred, 89)[0]!;
  return days.map((d) => (d.day === 89 ? last : d));
}
