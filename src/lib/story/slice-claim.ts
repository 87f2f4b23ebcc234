// The slice grid's marks (step 6): a slice's error rate under one model version against the version
// to its left, judged as two binomial shares of the slice's rows (standard error √(p(1 − p)/n) each,
// the difference real beyond twice their combined error and at least a tenth of a point: the error
// rates at the top 0.1% are fractions of a percent, so step 6's one-point floor would hide changes of
// many standard errors), and "too few to tell"
// when either version saw fewer than SLICE_MIN_POSITIVES positives in the slice.
import { compareProportion, contradiction, Z } from './noise.ts';

/** Smallest change of a slice's error rate a mark calls real, however many rows back it (a tenth of a point). */
export const SLICE_MARK_FLOOR = 0.001;

/** Slices the grid shows (step 6's worst eight of the step-4 model). */
export const GRID_SLICES = 8;

/** Fewest positives a slice needs under both versions before its error rates are compared. */
export const SLICE_MIN_POSITIVES = 10;

/** One slice under one version: its error rate, rows and positives (as a slice report gives them). */
export interface SliceCell {
  errorRate: number;
  rows: number;
  /** Positive rate of the slice (positives = rate × rows). */
  positiveRate: number;
}

/**
 * A cell's mark: 'better' (fewer errors beyond the noise), 'worse' (more), 'same' (within the
 * noise), 'few' (too few positives to tell), 'none' (the first column, or a number missing).
 */
export type SliceMark = 'better' | 'worse' | 'same' | 'few' | 'none';

/** A slice's change from the version on its left, with the numbers and noise it was judged by. */
export interface SliceMarkClaim {
  mark: SliceMark;
  before: number;
  after: number;
  /** after − before. */
  diff: number;
  /** Smallest |diff| counted as real here: max(SLICE_MARK_FLOOR, Z × the difference's standard error). */
  noise: number;
  /** Fewer positives of the two versions. */
  positives: number;
  /** after / before (NaN when before is 0), for the colour's strength only. */
  ratio: number;
}

const positivesOf = (c: SliceCell) => Math.round(c.positiveRate * c.rows);

/** The mark of a slice under `after` against `before` (null before: the first column). */
export function sliceMarkClaim(before: SliceCell | null | undefined, after: SliceCell | null | undefined): SliceMarkClaim {
  const none: SliceMarkClaim = { mark: 'none', before: before?.errorRate ?? NaN, after: after?.errorRate ?? NaN, diff: NaN, noise: NaN, positives: NaN, ratio: NaN };
  if (!before || !after || !Number.isFinite(before.errorRate) || !Number.isFinite(after.errorRate) || !(before.rows > 0) || !(after.rows > 0)) return none;
  const positives = Math.min(positivesOf(before), positivesOf(after));
  const c = compareProportion(before.errorRate, before.rows, after.errorRate, after.rows, SLICE_MARK_FLOOR);
  const ratio = before.errorRate > 0 ? after.errorRate / before.errorRate : NaN;
  const mark: SliceMark = positives < SLICE_MIN_POSITIVES ? 'few' : c.change === 'down' ? 'better' : c.change === 'up' ? 'worse' : 'same';
  return { mark, before: before.errorRate, after: after.errorRate, diff: c.diff, noise: c.noise, positives, ratio };
}

/** The noise a slice pair is judged by, recomputed from its counts (for the checker). */
function noiseOf(b: SliceCell, a: SliceCell): number {
  const v = (c: SliceCell) => (c.errorRate * (1 - c.errorRate)) / c.rows;
  return Math.max(SLICE_MARK_FLOOR, Z * Math.sqrt(v(b) + v(a)));
}

/** Marks that contradict their numbers (for the knob sweep): each re-judged from the cells' counts. */
export function sliceContradictions(pairs: readonly { before: SliceCell; after: SliceCell; claim: SliceMarkClaim }[]): string[] {
  const out: string[] = [];
  for (const { before, after, claim } of pairs) {
    if (claim.mark === 'none') continue;
    const few = Math.min(positivesOf(before), positivesOf(after)) < SLICE_MIN_POSITIVES;
    if ((claim.mark === 'few') !== few) out.push(`slice mark '${claim.mark}' with ${claim.positives} positives`);
    if (claim.mark === 'few') continue;
    const noise = noiseOf(before, after);
    if (Math.abs(noise - claim.noise) > 1e-12) out.push(`slice noise ${claim.noise} is not twice the binomial error ${noise}`);
    const c = contradiction('slice error rate', claim.mark === 'worse' ? 'up' : claim.mark === 'better' ? 'down' : 'same', after.errorRate - before.errorRate, noise);
    if (c) out.push(c);
  }
  return out;
}
