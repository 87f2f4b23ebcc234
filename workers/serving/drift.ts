// Feature drift of live traffic against the model's training days: the population stability
// index (PSI, from src/lib/drift) of a few query features over their histograms.
import { LAST_WORLD_DAY, type Columns } from '../../src/lib/sim/types.ts';
import type { World } from '../../src/lib/sim/world.ts';
import { dayStream, type AdIndex } from '../../src/lib/market/index.ts';
import { psi as psiOfShares } from '../../src/lib/drift/stats.ts';

/** The features watched on the dashboard. */
export const DRIFT_FEATURES = ['device', 'queryCat', 'intent'] as const;
export type DriftFeature = (typeof DRIFT_FEATURES)[number];

import { PSI_ALERT } from '../../src/lib/serving/constants.ts';
/** PSI at or above this is a drift alert (src/lib/serving/constants.ts). */
export { PSI_ALERT };

/** Bins of intent (0…1) for its histogram. */
const INTENT_BINS = 10;

/** Bin counts of a feature over one query per candidate group (every row of a query repeats its fields). */
function histogram(cols: Columns, feature: DriftFeature, stride: number): Float64Array {
  const size = feature === 'device' ? 3 : feature === 'queryCat' ? 8 : INTENT_BINS;
  const h = new Float64Array(size);
  for (let r = 0; r < cols.n; r += stride) {
    const b = feature === 'device' ? (cols.device[r] as number) : feature === 'queryCat' ? (cols.queryCat[r] as number) : Math.min(INTENT_BINS - 1, Math.floor((cols.intent[r] as number) * INTENT_BINS));
    h[b] = (h[b] as number) + 1;
  }
  return h;
}

/** Shares of a histogram's counts. */
function shares(h: Float64Array): number[] {
  const t = h.reduce((s, v) => s + v, 0);
  return Array.from(h, (v) => (t > 0 ? v / t : 0));
}

/** PSI between two histograms of counts (empty bins at src/lib/drift's epsilon). */
export function psi(expected: Float64Array, actual: Float64Array): number {
  return psiOfShares(shares(expected), shares(actual));
}

/** Reference histograms of the watched features: queries drawn over the model's training days. */
export type Reference = Record<DriftFeature, Float64Array>;

/** Draws the reference: a few hundred queries from each of up to 8 training days. */
export function referenceOf(world: World, index: AdIndex, days: [number, number], stride: number): Reference {
  const ref = { device: new Float64Array(3), queryCat: new Float64Array(8), intent: new Float64Array(INTENT_BINS) };
  const lo = Math.max(0, Math.min(LAST_WORLD_DAY, days[0]));
  const hi = Math.max(lo, Math.min(LAST_WORLD_DAY, days[1]));
  const step = Math.max(1, Math.floor((hi - lo + 1) / 8));
  for (let d = lo; d <= hi; d += step) {
    const s = dayStream(world, index, 'drift-reference', d, 400, 400);
    for (const f of DRIFT_FEATURES) {
      const h = histogram(s.cands, f, stride);
      ref[f].forEach((v, i) => (ref[f][i] = v + (h[i] as number)));
    }
  }
  return ref;
}

/** PSI of each watched feature of a day's candidates against the reference. */
export function driftOf(ref: Reference, cols: Columns, stride: number): Record<DriftFeature, number> {
  return {
    device: psi(ref.device, histogram(cols, 'device', stride)),
    queryCat: psi(ref.queryCat, histogram(cols, 'queryCat', stride)),
    intent: psi(ref.intent, histogram(cols, 'intent', stride)),
  };
}
