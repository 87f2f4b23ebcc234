// Step 7–8's operating point verdict: showing as many ads as the relabelled model does at the cost's
// threshold, does the rebalanced model find more of the ads worth showing? Both recalls are measured
// on the same gold positives, so the comparison is paired (McNemar, Psychometrika 1947): with b and c
// the positives only one model finds, Var(r₂ − r₁) = ((b + c) − (b − c)²/n) / n². The confusion
// tables give b − c = tp₂ − tp₁ but not b + c; its largest value the tables allow,
// min(tp₁ + tp₂, 2n − tp₁ − tp₂), gives the largest variance, so a verdict beyond twice that
// standard error holds whatever the overlap. On different positives it falls back to two binomials.
import type { ConfusionAt } from '../lab/types.ts';
import { compareProportion, contradiction, Z, type Change } from './noise.ts';

/** The verdict: 'better' / 'worse' (the rebalanced model's recall beyond the noise of the clean one's), 'same', or nothing to compare. */
export type OperatingOutcome = 'better' | 'worse' | 'same' | 'none-shown' | 'clean-shows-none';

export interface OperatingClaim {
  outcome: OperatingOutcome;
  /** Ads the relabelled model shows at its operating point (the load the rebalanced one is read at). */
  target: number;
  /** Ads the rebalanced model shows at the row nearest that load, and its recall there. */
  shown: number;
  recallClean: number;
  recallRebal: number;
  /** recallRebal − recallClean. */
  diff: number;
  /** Smallest |diff| counted as real: Z × the paired (or independent) standard error. */
  noise: number;
  /** Whether the two recalls are on the same positives (McNemar) or not (two binomials). */
  paired: boolean;
  /** Positives each recall is a share of. */
  positives: number;
}

/** Largest paired standard error of r₂ − r₁ the marginals allow (McNemar with the most discordant pairs). */
export function pairedRecallSe(tp1: number, tp2: number, n: number): number {
  if (!(n > 0)) return NaN;
  const discordant = Math.min(tp1 + tp2, 2 * n - tp1 - tp2);
  const d = tp2 - tp1;
  return Math.sqrt(Math.max(0, discordant - (d * d) / n)) / n;
}

/** The rebalanced model's row whose number of shown ads is nearest `shown`. */
export function rowAtLoad(table: readonly ConfusionAt[], shown: number): ConfusionAt | null {
  let best: ConfusionAt | null = null;
  for (const c of table) if (best === null || Math.abs(c.tp + c.fp - shown) < Math.abs(best.tp + best.fp - shown)) best = c;
  return best;
}

const recall = (c: ConfusionAt) => (c.tp + c.fn > 0 ? c.tp / (c.tp + c.fn) : NaN);

/** The verdict from the clean model's operating row, the rebalanced model's row at its own threshold and its whole table. */
export function operatingClaim(clean: ConfusionAt, rebalAt: ConfusionAt, rebalTable: readonly ConfusionAt[]): OperatingClaim {
  const target = clean.tp + clean.fp;
  const base = { target, shown: NaN, recallClean: recall(clean), recallRebal: NaN, diff: NaN, noise: NaN, paired: false, positives: clean.tp + clean.fn };
  if (target === 0) return { ...base, outcome: rebalAt.tp + rebalAt.fp === 0 ? 'none-shown' : 'clean-shows-none' };
  const at = rowAtLoad(rebalTable, target);
  if (!at || !Number.isFinite(recall(at)) || !Number.isFinite(recall(clean))) return { ...base, outcome: 'same' };
  const n1 = clean.tp + clean.fn;
  const n2 = at.tp + at.fn;
  const paired = Math.abs(n1 - n2) < 1e-9;
  const c = paired ? { diff: recall(at) - recall(clean), noise: Z * pairedRecallSe(clean.tp, at.tp, n1) } : compareProportion(recall(clean), n1, recall(at), n2);
  const change: Change = Math.abs(c.diff) <= c.noise ? 'same' : c.diff > 0 ? 'up' : 'down';
  return { ...base, outcome: change === 'up' ? 'better' : change === 'down' ? 'worse' : 'same', shown: at.tp + at.fp, recallRebal: recall(at), diff: c.diff, noise: c.noise, paired };
}

/** Verdicts that contradict their numbers (for the knob sweep). */
export function operatingContradictions(c: OperatingClaim, clean: ConfusionAt, rebalTable: readonly ConfusionAt[]): string[] {
  const out: string[] = [];
  if (c.outcome === 'none-shown' || c.outcome === 'clean-shows-none') {
    if (clean.tp + clean.fp !== 0) out.push(`operating '${c.outcome}' but the relabelled model shows ${clean.tp + clean.fp}`);
    return out;
  }
  const at = rowAtLoad(rebalTable, clean.tp + clean.fp);
  if (!at) return out;
  const n = clean.tp + clean.fn;
  const noise = c.paired ? Z * pairedRecallSe(clean.tp, at.tp, n) : c.noise;
  if (c.paired && Math.abs(noise - c.noise) > 1e-12) out.push(`operating noise ${c.noise} is not the paired bound ${noise}`);
  const x = contradiction('operating recall', c.outcome === 'better' ? 'up' : c.outcome === 'worse' ? 'down' : 'same', recall(at) - recall(clean), noise);
  if (x) out.push(x);
  return out;
}

/** Step 8's recalibrated model at 0.5 against the relabelled one: does it find more, fewer or as many of the ads worth showing (paired, as above)? */
export type HalfOutcome = 'more' | 'fewer' | 'same';

export interface HalfClaim {
  outcome: HalfOutcome;
  recallClean: number;
  recallRecalibrated: number;
  /** recallRecalibrated − recallClean. */
  diff: number;
  noise: number;
  paired: boolean;
}

/** The recalibrated model's recall at 0.5 against the relabelled model's, on the gold positives. */
export function halfClaim(clean: ConfusionAt, recalibrated: ConfusionAt): HalfClaim {
  const n1 = clean.tp + clean.fn;
  const n2 = recalibrated.tp + recalibrated.fn;
  const paired = Math.abs(n1 - n2) < 1e-9;
  const r1 = recall(clean);
  const r2 = recall(recalibrated);
  const c = paired ? { diff: r2 - r1, noise: Z * pairedRecallSe(clean.tp, recalibrated.tp, n1) } : compareProportion(r1, n1, r2, n2);
  const outcome: HalfOutcome = !Number.isFinite(c.diff) || Math.abs(c.diff) <= c.noise ? 'same' : c.diff > 0 ? 'more' : 'fewer';
  return { outcome, recallClean: r1, recallRecalibrated: r2, diff: c.diff, noise: c.noise, paired };
}

/** A half claim that contradicts its numbers (for the knob sweep). */
export function halfContradictions(h: HalfClaim, clean: ConfusionAt, recalibrated: ConfusionAt): string[] {
  const noise = h.paired ? Z * pairedRecallSe(clean.tp, recalibrated.tp, clean.tp + clean.fn) : h.noise;
  const x = Number.isFinite(h.diff) ? contradiction('recalibrated recall at 0.5', h.outcome === 'more' ? 'up' : h.outcome === 'fewer' ? 'down' : 'same', recall(recalibrated) - recall(clean), noise) : null;
  return x ? [x] : [];
}
